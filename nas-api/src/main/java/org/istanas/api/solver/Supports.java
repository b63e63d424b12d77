package org.istanas.api.solver;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Support selection: which s entries of a node's code z become the architecture.
 *
 * <p>The ISTA-NAS rule ({@link #topS}) keeps the s largest |z_k| of the whole node vector, like the official
 * {@code argsort(|x|)[:-s]}; two ops on the same input edge are allowed, and entries that are exactly zero are
 * still taken when fewer than s are non-zero. The DARTS-style rule ({@link #topSDistinctInputs}) additionally
 * keeps at most one op per input edge, where entry k belongs to input {@code k / opsPerInput} (the layout of
 * z in ISTA-NAS: input node {@code k / 7}, op {@code k % 7}).
 *
 * <p>Both return indices ordered by descending |z|, ties broken by the lower index, so results are deterministic.
 */
public final class Supports {
    private Supports() {
    }

    /** Indices of the s largest |z_k|, by descending |z_k|, ties by lower index. */
    public static int[] topS(double[] z, int s) {
        Objects.requireNonNull(z, "z is null");
        checkS(s, z.length, "entries");
        return byMagnitude(z).limit(s).mapToInt(Integer::intValue).toArray();
    }

    /**
     * Like {@link #topS} but taking at most one entry per input edge: greedily the largest |z_k| whose input
     * {@code k / opsPerInput} has no entry yet.
     *
     * @throws IllegalArgumentException if z's length is not a multiple of opsPerInput or s exceeds the number of inputs
     */
    public static int[] topSDistinctInputs(double[] z, int s, int opsPerInput) {
        Objects.requireNonNull(z, "z is null");
        if (opsPerInput < 1 || z.length % opsPerInput != 0) {
            throw new IllegalArgumentException("z has " + z.length + " entries, not a multiple of opsPerInput = "
                    + opsPerInput);
        }
        int inputs = z.length / opsPerInput;
        checkS(s, inputs, "input edges");
        boolean[] used = new boolean[inputs];
        int[] chosen = new int[s];
        int count = 0;
        for (int k : (Iterable<Integer>) byMagnitude(z)::iterator) {
            if (count == s) {
                break;
            }
            int input = k / opsPerInput;
            if (!used[input]) {
                used[input] = true;
                chosen[count++] = k;
            }
        }
        return chosen;
    }

    /** The support {k : z_k ≠ 0} in increasing index order. */
    public static int[] nonZeros(double[] z) {
        Objects.requireNonNull(z, "z is null");
        return IntStream.range(0, z.length).filter(k -> z[k] != 0).toArray();
    }

    /** A copy of z with every entry outside {@code support} set to zero. */
    public static double[] restrict(double[] z, int[] support) {
        double[] out = new double[z.length];
        for (int k : support) {
            out[k] = z[k];
        }
        return out;
    }

    private static Stream<Integer> byMagnitude(double[] z) {
        for (int k = 0; k < z.length; k++) {
            if (Double.isNaN(z[k])) {
                throw new IllegalArgumentException("z[" + k + "] is NaN");
            }
        }
        Integer[] order = IntStream.range(0, z.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.<Integer>comparingDouble(k -> -Math.abs(z[k])).thenComparingInt(k -> k));
        return Arrays.stream(order);
    }

    private static void checkS(int s, int available, String what) {
        if (s < 0 || s > available) {
            throw new IllegalArgumentException("sparsity s = " + s + " must be between 0 and the number of "
                    + what + " (" + available + ")");
        }
    }
}
