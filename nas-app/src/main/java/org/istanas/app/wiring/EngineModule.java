package org.istanas.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import org.istanas.ops.engine.Nd4jEngine;
import org.istanas.api.network.NetworkEngine;

/**
 * Binds the {@link NetworkEngine}. It is an optional binding so that commands which need no engine (listing
 * plugins, showing genotypes) never start the native backend: inject {@code Optional<NetworkEngine>} or
 * {@code Provider<NetworkEngine>} and ask for it only when a network is built.
 */
public final class EngineModule extends AbstractModule {
    @Override
    protected void configure() {
        OptionalBinder<NetworkEngine> engine = OptionalBinder.newOptionalBinder(binder(), NetworkEngine.class);
        // The singleton is created lazily (Stage.DEVELOPMENT in IstanasInjector), so ND4J loads only when a command
        // really uses the engine. An embedding program may override the default with OptionalBinder#setBinding.
        engine.setDefault().to(Nd4jEngine.class).in(Singleton.class);
    }
}
