package org.istanas.app.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Objects;
import org.istanas.app.plugin.PluginLoader;

/**
 * The global options needed before the command line is parsed: plugins must be loaded (and logging set up)
 * before picocli instantiates the subcommands, because subcommands get the loaded plugins injected.
 * {@link IstanasCommand} declares the same options so they appear in help and parse everywhere.
 *
 * @param verbose                  {@code -v}/{@code --verbose} was given
 * @param pluginsDirectory         the plugins directory to load
 * @param pluginsDirectoryExplicit whether it was asked for (option or system property), making its absence an error
 */
public record LaunchOptions(boolean verbose, Path pluginsDirectory, boolean pluginsDirectoryExplicit) {
    public LaunchOptions {
        Objects.requireNonNull(pluginsDirectory, "pluginsDirectory is null");
    }

    /**
     * Picks the global options out of {@code args} (up to a {@code --} separator).
     *
     * @param propertyValue the value of the {@value PluginLoader#PLUGINS_DIR_PROPERTY} system property, or null
     */
    public static LaunchOptions scan(String[] args, String propertyValue) {
        boolean verbose = false;
        String pluginsDir = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                break;
            } else if (arg.equals("-v") || arg.equals("--verbose")) {
                verbose = true;
            } else if (arg.equals("--plugins-dir") && i + 1 < args.length) {
                pluginsDir = args[++i];
            } else if (arg.startsWith("--plugins-dir=")) {
                pluginsDir = arg.substring("--plugins-dir=".length());
            }
        }
        if (pluginsDir == null && propertyValue != null && !propertyValue.isBlank()) {
            pluginsDir = propertyValue;
        }
        return pluginsDir == null
                ? new LaunchOptions(verbose, PluginLoader.DEFAULT_PLUGINS_DIR, false)
                : new LaunchOptions(verbose, Paths.get(pluginsDir), true);
    }
}
