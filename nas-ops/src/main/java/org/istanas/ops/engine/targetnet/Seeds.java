package org.istanas.ops.engine.targetnet;

/** Derives independent seeds from a base seed and a position (SplitMix64 finaliser). */
public final class Seeds {
    private Seeds() {
    }

    public static long mix(long seed, long... keys) {
        long h = seed;
        for (long k : keys) {
            h = finish(h ^ finish(k + 0x9E3779B97F4A7C15L));
        }
        return h;
    }

    /** A seed for a named component (op instances keyed by cell, edge and op name). */
    public static long mix(long seed, String key) {
        return mix(seed, key.hashCode(), key.length());
    }

    private static long finish(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
