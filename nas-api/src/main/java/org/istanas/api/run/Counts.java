package org.istanas.api.run;

/** "1 epoch", "2 epochs": counts in progress and summary lines. */
public final class Counts {
    private Counts() {
    }

    /** {@code n} and the noun, plural (noun + "s") unless {@code n} is 1. */
    public static String of(long n, String noun) {
        return n + " " + (n == 1 ? noun : noun + "s");
    }
}
