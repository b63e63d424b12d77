package org.istanas.metrics;

import java.util.Objects;

/** Validation shared by the correlation functions, so every entry point rejects bad input the same way. */
final class Inputs {
    private Inputs() {
    }

    /**
     * Checks that {@code x} and {@code y} are non-null, of equal length, at least {@code minSize} long and finite.
     *
     * @return the common length
     */
    static int checkPaired(double[] x, double[] y, int minSize) {
        Objects.requireNonNull(x, "x is null");
        Objects.requireNonNull(y, "y is null");
        if (x.length != y.length) {
            throw new IllegalArgumentException(
                    "x and y must have the same length, got " + x.length + " and " + y.length);
        }
        checkFinite("x", x, minSize);
        checkFinite("y", y, minSize);
        return x.length;
    }

    static void checkFinite(String name, double[] values, int minSize) {
        Objects.requireNonNull(values, name + " is null");
        if (values.length < minSize) {
            throw new IllegalArgumentException(values.length == 0
                    ? name + " is empty; at least " + minSize + " values are needed"
                    : name + " has " + values.length + " value(s); at least " + minSize + " are needed");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(
                        name + "[" + i + "] is " + values[i] + "; only finite values can be ranked");
            }
        }
    }
}
