package org.istanas.ops.engine.search;

/** Derives independent seeds from a network seed and a stable key, so weights do not depend on build order. */
public final class Seeds {
    private Seeds() {
    }

    public static long derive(long seed, String key) {
        long h = seed ^ 0x9E3779B97F4A7C15L;
        for (int i = 0; i < key.length(); i++) {
            h = (h ^ key.charAt(i)) * 0x100000001B3L;
        }
        // murmur3 finaliser
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
