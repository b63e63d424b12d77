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

    /**
     * A batch must fit in the split it is drawn from: a larger one silently becomes one short batch per epoch (with
     * different batch-norm statistics and step counts than the user asked for).
     *
     * @param split what the images are, e.g. "search-train half (trainImages 64 x trainPortion 0.5)"
     */
    public static void batchFits(int batchSize, int images, String split) {
        if (batchSize > images) {
            throw new IllegalArgumentException("batchSize " + batchSize + " is larger than the " + images
                    + " images of the " + split + "; lower batchSize to at most " + images + " or use more images");
        }
    }
}
