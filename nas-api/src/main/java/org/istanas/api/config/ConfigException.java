package org.istanas.api.config;

/**
 * A configuration could not be loaded: a file is missing or malformed, a key is unknown, a value has the wrong
 * type or fails validation. The message names the source (file name, {@code --set key=value}, preset) and the key.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
