package org.istanas.app.plugin;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.jar.JarFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Stream;
import org.istanas.api.spi.NasPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds {@link NasPlugin}s with {@link ServiceLoader}: first on the application class path (the built-in plugins),
 * then in each sub-directory of a plugins directory, which gets its own {@link URLClassLoader} over its jars with
 * the application class loader as parent (so plugins share the SPI and its dependencies, and one plugin's
 * libraries cannot clash with another's).
 *
 * <pre>
 * plugins/
 *   my-solver/          one directory per plugin, loaded by its own class loader
 *     my-solver.jar     META-INF/services/org.istanas.api.spi.NasPlugin names the plugin class
 *     some-library.jar  its private dependencies
 * </pre>
 *
 * Problems stop loading at once with a message naming the directory or jar: a plugins directory that was asked for
 * but is missing, a plugin directory without jars or whose jars register no {@code NasPlugin}, a jar placed
 * directly in the plugins directory, a plugin that fails to instantiate, and two contributions of one kind with
 * the same name.
 */
public final class PluginLoader {
    /** System property naming the plugins directory (the {@code --plugins-dir} option wins over it). */
    public static final String PLUGINS_DIR_PROPERTY = "istanas.plugins.dir";
    /** The plugins directory used when none is configured, relative to the working directory. */
    public static final Path DEFAULT_PLUGINS_DIR = Paths.get("plugins");

    private static final Logger LOG = LoggerFactory.getLogger(PluginLoader.class);
    private static final String SERVICE_FILE = "META-INF/services/" + NasPlugin.class.getName();

    private final ClassLoader applicationLoader;
    private final boolean scanApplicationClassPath;

    private PluginLoader(ClassLoader applicationLoader, boolean scanApplicationClassPath) {
        this.applicationLoader = Objects.requireNonNull(applicationLoader, "applicationLoader is null");
        this.scanApplicationClassPath = scanApplicationClassPath;
    }

    /** A loader that registers the application class path's plugins and then those of plugin directories. */
    public static PluginLoader withApplicationClassPath(ClassLoader applicationLoader) {
        return new PluginLoader(applicationLoader, true);
    }

    /** A loader for plugin directories only, with {@code parent} as their parent class loader (tests, embedding). */
    public static PluginLoader pluginDirectoriesOnly(ClassLoader parent) {
        return new PluginLoader(parent, false);
    }

    /**
     * Loads all plugins.
     *
     * @param pluginsDirectory the directory whose sub-directories are plugins
     * @param required         whether a missing {@code pluginsDirectory} is an error (it was asked for explicitly)
     *                         rather than simply "no plugins installed"
     * @throws PluginLoadException naming the directory, jar or duplicate names of the first problem
     */
    public PluginRegistry load(Path pluginsDirectory, boolean required) {
        Objects.requireNonNull(pluginsDirectory, "pluginsDirectory is null");
        PluginRegistry.Builder registry = PluginRegistry.builder();
        List<URLClassLoader> loaders = new ArrayList<>();
        try {
            if (scanApplicationClassPath) {
                for (NasPlugin plugin : instantiate(applicationLoader, null, "the application class path")) {
                    registry.add(plugin, "classpath (" + describeLocation(plugin.getClass(), Map.of()) + ")");
                }
            }
            for (Path directory : pluginDirectories(pluginsDirectory, required)) {
                URLClassLoader loader = loadDirectory(directory, registry);
                loaders.add(loader);
                registry.closeWith(loader);
            }
            return registry.build();
        } catch (RuntimeException e) {
            loaders.forEach(PluginLoader::closeQuietly);
            throw e;
        }
    }

    /** The plugin sub-directories, sorted by name so that the load order is reproducible. */
    private static List<Path> pluginDirectories(Path pluginsDirectory, boolean required) {
        if (!Files.exists(pluginsDirectory)) {
            if (required) {
                throw new PluginLoadException("plugins directory " + pluginsDirectory + " does not exist");
            }
            LOG.debug("No plugins directory at {}", pluginsDirectory.toAbsolutePath());
            return List.of();
        }
        if (!Files.isDirectory(pluginsDirectory)) {
            throw new PluginLoadException("plugins directory " + pluginsDirectory + " is not a directory");
        }
        List<Path> directories = new ArrayList<>();
        for (Path entry : list(pluginsDirectory)) {
            if (Files.isDirectory(entry)) {
                directories.add(entry);
            } else if (isJar(entry)) {
                throw new PluginLoadException(entry + ": a plugin jar must sit in its own sub-directory, e.g. "
                        + pluginsDirectory.resolve(stripJar(entry.getFileName().toString()))
                        .resolve(entry.getFileName()));
            }
        }
        return directories;
    }

    private URLClassLoader loadDirectory(Path directory, PluginRegistry.Builder registry) {
        List<Path> jars = list(directory).stream().filter(PluginLoader::isJar).toList();
        if (jars.isEmpty()) {
            throw new PluginLoadException("plugin directory " + directory + " holds no .jar files");
        }
        jars.forEach(PluginLoader::checkReadable);
        URL[] urls = new URL[jars.size()];
        Map<Path, String> displayNames = new HashMap<>();
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = jars.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new PluginLoadException(jars.get(i) + ": cannot turn into a class path entry: " + e.getMessage(), e);
            }
            displayNames.put(jars.get(i).toAbsolutePath().normalize(), jars.get(i).toString());
        }
        URLClassLoader loader = new URLClassLoader("plugin:" + directory.getFileName(), urls, applicationLoader);
        try {
            List<NasPlugin> plugins = instantiate(loader, loader, "plugin directory " + directory);
            if (plugins.isEmpty()) {
                throw new PluginLoadException("plugin directory " + directory + " loads no " + NasPlugin.class.getName()
                        + ": none of its jars " + jars.stream().map(p -> p.getFileName().toString()).toList()
                        + " has a " + SERVICE_FILE + " naming a plugin class of its own");
            }
            LOG.debug("Loading plugin directory {} ({} jar{})", directory, jars.size(), jars.size() == 1 ? "" : "s");
            for (NasPlugin plugin : plugins) {
                String source = describeLocation(plugin.getClass(), displayNames);
                withContextLoader(loader, () -> registry.add(plugin, source));
            }
            return loader;
        } catch (RuntimeException e) {
            closeQuietly(loader);
            throw e;
        }
    }

    /**
     * Instantiates the providers visible through {@code loader}; with {@code owner} set, only those whose class
     * {@code owner} itself defines (the parent's providers are visible through any child loader).
     */
    private static List<NasPlugin> instantiate(ClassLoader loader, ClassLoader owner, String where) {
        List<NasPlugin> plugins = new ArrayList<>();
        try {
            withContextLoader(loader, () -> ServiceLoader.load(NasPlugin.class, loader).stream()
                    .filter(provider -> owner == null || provider.type().getClassLoader() == owner)
                    .map(ServiceLoader.Provider::get)
                    .forEach(plugins::add));
        } catch (ServiceConfigurationError | LinkageError e) {
            throw new PluginLoadException("cannot load a " + NasPlugin.class.getSimpleName() + " from " + where + ": "
                    + e.getMessage(), e);
        }
        return plugins;
    }

    /** The jar (or class directory) a class came from: a plugin jar's path as found, or a class-path file name. */
    private static String describeLocation(Class<?> type, Map<Path, String> displayNames) {
        CodeSource codeSource = type.getProtectionDomain().getCodeSource();
        if (codeSource == null || codeSource.getLocation() == null) {
            return type.getName();
        }
        Path location;
        try {
            location = Paths.get(codeSource.getLocation().toURI()).toAbsolutePath().normalize();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return codeSource.getLocation().toString();
        }
        String display = displayNames.get(location);
        if (display != null) {
            return display;
        }
        return Files.isDirectory(location) ? location.toString() : String.valueOf(location.getFileName());
    }

    private static void withContextLoader(ClassLoader loader, Runnable action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            action.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static List<Path> list(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.sorted(Comparator.comparing((Function<Path, String>) p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new PluginLoadException("cannot list " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens a jar's central directory, so that a damaged or truncated jar (an interrupted copy loses the directory at
     * its end) is reported as what it is: a class loader would silently skip it, and the directory would seem to
     * hold no plugin.
     */
    private static void checkReadable(Path jar) {
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            file.size();
        } catch (IOException | RuntimeException e) {
            throw new PluginLoadException(jar + ": not a readable jar (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); copy or build it again", e);
        }
    }

    private static boolean isJar(Path path) {
        return Files.isRegularFile(path) && path.getFileName().toString().endsWith(".jar");
    }

    private static String stripJar(String fileName) {
        return fileName.substring(0, fileName.length() - ".jar".length());
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            LOG.debug("Cannot close {}", loader.getName(), e);
        }
    }
}
