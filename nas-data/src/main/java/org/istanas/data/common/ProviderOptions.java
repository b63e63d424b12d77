package org.istanas.data.common;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a provider's string options ({@link org.istanas.api.data.DatasetRequest#options()}), refusing unknown keys
 * and malformed values with a message that names the dataset, the key and what was expected.
 */
public final class ProviderOptions {
    private final String dataset;
    private final Map<String, String> options;

    private ProviderOptions(String dataset, Map<String, String> options) {
        this.dataset = dataset;
        this.options = options;
    }

    /** Checks that every key in {@code options} is one of {@code known}. */
    public static ProviderOptions of(String dataset, Map<String, String> options, Set<String> known) {
        Objects.requireNonNull(dataset, "dataset is null");
        Objects.requireNonNull(options, "options is null");
        for (String key : options.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("unknown option '" + key + "' for dataset '" + dataset
                        + "'; known: " + new TreeSet<>(known));
            }
        }
        return new ProviderOptions(dataset, options);
    }

    /** An integer option in [{@code min}, {@code max}], or {@code fallback} when absent. */
    public int intValue(String key, int fallback, int min, int max) {
        String text = options.get(key);
        if (text == null) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(text.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option '" + key + "' of dataset '" + dataset
                    + "' must be an integer, got '" + text + "'", e);
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException("option '" + key + "' of dataset '" + dataset + "' must be in ["
                    + min + ", " + max + "], got " + value);
        }
        return value;
    }

    /** A decimal option in [{@code min}, {@code max}], or {@code fallback} when absent. */
    public double doubleValue(String key, double fallback, double min, double max) {
        String text = options.get(key);
        if (text == null) {
            return fallback;
        }
        double value;
        try {
            value = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option '" + key + "' of dataset '" + dataset
                    + "' must be a number, got '" + text + "'", e);
        }
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException("option '" + key + "' of dataset '" + dataset + "' must be in ["
                    + min + ", " + max + "], got " + text);
        }
        return value;
    }

    /** A string option, or {@code fallback} when absent. */
    public String stringValue(String key, String fallback) {
        return options.getOrDefault(key, fallback);
    }
}
