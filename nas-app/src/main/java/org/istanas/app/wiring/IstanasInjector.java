package org.istanas.app.wiring;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.istanas.app.plugin.PluginRegistry;

/** Creates the application's Guice injector from the loaded plugins plus any extra modules. */
public final class IstanasInjector {
    private IstanasInjector() {
    }

    /**
     * The injector of the application. Development stage: singletons (the engine) are created on first use,
     * so a command that does not need them starts fast.
     */
    public static Injector create(PluginRegistry registry, Module... extraModules) {
        Objects.requireNonNull(registry, "registry is null");
        List<Module> modules = new ArrayList<>();
        modules.add(new PluginModule(registry));
        modules.add(new EngineModule());
        modules.addAll(List.of(extraModules));
        return Guice.createInjector(Stage.DEVELOPMENT, modules);
    }
}
