package org.istanas.data.common;

/**
 * Derives independent seeds from a base seed and coordinates (epoch, position, ...) with the SplitMix64 finaliser, so
 * every random draw is a pure function of its coordinates: the same whatever the thread or resume point.
 */
public final class Seeds {
    private Seeds() {
    }

    /** A well-mixed seed for the given base seed and coordinates. */
    public static long mix(long seed, long... coordinates) {
        long h = finalise(seed ^ 0x9E3779B97F4A7C15L);
        for (long c : coordinates) {
            h = finalise(h ^ finalise(c + 0x632BE59BD9B4E019L));
        }
        return h;
    }

    private static long finalise(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
