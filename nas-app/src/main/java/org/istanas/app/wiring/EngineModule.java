package org.istanas.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.OptionalBinder;
import org.istanas.ops.network.NetworkEngine;

/**
 * Binds the {@link NetworkEngine}. It is an optional binding so that commands which need no engine (listing
 * plugins, showing genotypes) never start the native backend: inject {@code Optional<NetworkEngine>} or
 * {@code Provider<NetworkEngine>} and ask for it only when a network is built.
 */
public final class EngineModule extends AbstractModule {
    @Override
    protected void configure() {
        OptionalBinder<NetworkEngine> engine = OptionalBinder.newOptionalBinder(binder(), NetworkEngine.class);
        // ENGINE BINDING: when org.istanas.ops.engine.Nd4jEngine (engine branch) is merged, bind it here:
        //     engine.setDefault().to(org.istanas.ops.engine.Nd4jEngine.class).in(com.google.inject.Singleton.class);
        // Then NetworkEngine (and Optional<NetworkEngine>) can be injected; the singleton is created lazily
        // (Stage.DEVELOPMENT in IstanasInjector), so ND4J loads only when a command really uses the engine.
    }
}
