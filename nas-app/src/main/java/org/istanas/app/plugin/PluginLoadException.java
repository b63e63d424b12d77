package org.istanas.app.plugin;

/**
 * Plugins could not be loaded: a plugin directory is missing, holds no jars or registers nothing, a plugin failed
 * to instantiate, or two plugins use the same name. The message names the directory, jar or names involved.
 */
public final class PluginLoadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PluginLoadException(String message) {
        super(message);
    }

    public PluginLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
