package org.istanas.api.run;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Derives independent seeds from one base seed, so every random stream of a run (measurement matrices, weight
 * initialisation, data split, batch order, the i-th of {@code --runs N} searches) is a pure function of the base
 * seed and a stable label. Uses the SplitMix64 finaliser, which spreads nearby inputs over the whole range.
 */
public final class Seeds {
    private Seeds() {
    }

    /** The seed of stream {@code label} of a run with base seed {@code base}. */
    public static long derive(long base, String label) {
        Objects.requireNonNull(label, "label is null");
        long h = base;
        for (byte b : label.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ (b & 0xff));
        }
        return mix(h + 0x9E3779B97F4A7C15L);
    }

    /**
     * Seed of the {@code index}-th of several repeated runs; index 0 is the base seed itself, so a single run and the
     * first of {@code --runs N} agree.
     */
    public static long forRun(long base, int index) {
        if (index < 0) {
            throw new IllegalArgumentException("run index must be >= 0, got " + index);
        }
        return index == 0 ? base : derive(base, "run-" + index) & Long.MAX_VALUE;
    }

    /**
     * A seed for numeric coordinates (epoch, position, cell, step, ...) under a base seed: every random draw made with
     * it is a pure function of its coordinates, whatever the thread or resume point.
     */
    public static long mix(long seed, long... coordinates) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        for (long c : coordinates) {
            h = mix(h ^ mix(c + 0x632BE59BD9B4E019L));
        }
        return h;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
