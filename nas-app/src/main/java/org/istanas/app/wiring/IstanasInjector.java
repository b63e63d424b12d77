package org.istanas.app.wiring;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import com.google.inject.spi.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.istanas.api.config.ConfigException;
import org.istanas.app.plugin.PluginLoadException;
import org.istanas.app.plugin.PluginRegistry;
import org.istanas.plugin.guice.IstanasSettings;

/**
 * Creates the application's Guice injector, the one place where the application is assembled: {@link PluginModule}
 * (the plugins' contributions, their modules and the catalog), {@link EngineModule} (the network engine), the
 * {@link IstanasSettings} and any extra modules. Commands and the embedding API's
 * {@link org.istanas.app.embed.Istanas} are obtained from it.
 */
public final class IstanasInjector {
    private IstanasInjector() {
    }

    /** The injector over {@code registry} with the settings of {@link IstanasSettings#fromEnvironment()}. */
    public static Injector create(PluginRegistry registry, Module... extraModules) {
        return create(registry, IstanasSettings.fromEnvironment(), extraModules);
    }

    /**
     * The injector of the application. Development stage: singletons (the engine) are created on first use, so a
     * command that does not need them starts fast; the catalog and the configuration records bound by
     * {@link org.istanas.plugin.guice.ConfigBinder} are eager, so a broken plugin module or setting fails here.
     *
     * @throws ConfigException       for a setting a plugin's configuration record rejects
     * @throws PluginLoadException   for any other wiring problem (a name bound twice, a binding that cannot be built)
     */
    public static Injector create(PluginRegistry registry, IstanasSettings settings, Module... extraModules) {
        Objects.requireNonNull(registry, "registry is null");
        Objects.requireNonNull(settings, "settings is null");
        List<Module> modules = new ArrayList<>();
        modules.add(new PluginModule(registry));
        modules.add(new EngineModule());
        modules.add(binder -> binder.bind(IstanasSettings.class).toInstance(settings));
        modules.addAll(List.of(extraModules));
        try {
            return Guice.createInjector(Stage.DEVELOPMENT, modules);
        } catch (CreationException e) {
            throw startUpError(e);
        }
    }

    /** Guice's report as the application's own errors: the first setting or plugin error, else Guice's first line. */
    private static RuntimeException startUpError(CreationException e) {
        for (Message message : e.getErrorMessages()) {
            for (Throwable t = message.getCause(); t != null; t = t.getCause()) {
                if (t instanceof ConfigException || t instanceof PluginLoadException) {
                    return (RuntimeException) t;
                }
            }
        }
        Message first = e.getErrorMessages().iterator().next();
        return new PluginLoadException("cannot wire the plugins: " + first.getMessage(), e);
    }
}
