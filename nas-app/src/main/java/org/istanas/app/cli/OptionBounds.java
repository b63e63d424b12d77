package org.istanas.app.cli;

import org.istanas.api.UsageException;

/**
 * Upper and lower bounds of size options, checked before any work: an absurd size must not run for a minute and then
 * die in an OutOfMemoryError, an integer overflow or a negative array size.
 */
final class OptionBounds {
    /** Cells of a network: the paper's largest is 20; 1,000 still counts in well under a second. */
    static final int MAX_LAYERS = 1_000;
    /** Initial channels: the paper's largest is 48. */
    static final int MAX_CHANNELS = 4_096;
    static final int MAX_CLASSES = 1_000_000;
    /** Images per benchmark batch: 4,096 images of a 16-channel super-net already need many GB. */
    static final int MAX_BATCH = 4_096;
    /** Cells of the benchmark super-net. */
    static final int MAX_BENCH_LAYERS = 100;
    static final int MAX_BENCH_CHANNELS = 512;

    private OptionBounds() {
    }

    /** @throws UsageException {@code --layers must be between 1 and 1000, got 2000000000} */
    static int check(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new UsageException(option + " must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }
}
