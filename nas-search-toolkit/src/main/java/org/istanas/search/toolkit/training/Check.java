package org.istanas.search.toolkit.training;

/** Validation of configuration values; every message names the key, the value and what was expected. */
public final class Check {
    private Check() {
    }

    public static void positive(String key, double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(key + " must be > 0, got " + value);
        }
    }

    public static void nonNegative(String key, double value) {
        if (!(value >= 0)) {
            throw new IllegalArgumentException(key + " must be >= 0, got " + value);
        }
    }

    public static void atLeast(String key, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(key + " must be >= " + min + ", got " + value);
        }
    }

    /** In [0, 1). */
    public static void unitInterval(String key, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(key + " must be in [0, 1), got " + value);
        }
    }

    /** In (0, 1). */
    public static void openUnit(String key, double value) {
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException(key + " must be in (0, 1), got " + value);
        }
    }
}
