package org.istanas.app.plugin;

import com.google.inject.Module;
import java.util.Objects;

/**
 * A Guice module a {@link org.istanas.plugin.guice.GuicePlugin} brings into the application's injector, and where
 * it came from.
 *
 * @param module the plugin's module
 * @param plugin the plugin's class name
 * @param source the plugin's jar, as {@link Contribution#source()}
 */
public record PluginModuleSource(Module module, String plugin, String source) {
    public PluginModuleSource {
        Objects.requireNonNull(module, "module is null");
        Objects.requireNonNull(plugin, "plugin is null");
        Objects.requireNonNull(source, "source is null");
    }
}
