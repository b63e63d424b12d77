package org.istanas.api.space.nb201;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The NAS-Bench-201 index of a cell, the position of its row in the benchmark. It has no formula: the official
 * code enumerates the 5^6 cells as an odometer over e0..e5 in operation order (e5 fastest) and shuffles that list
 * with Python's {@code random.seed(88); random.shuffle(list)}. This class replays that recipe with its own
 * Mersenne Twister (bit for bit CPython's {@code init_by_array}, {@code getrandbits} and {@code _randbelow}).
 */
public final class Nb201Index {
    public static final int CELLS = 15_625;
    private static final int PYTHON_SEED = 88;
    /** position -> odometer number, and its inverse. */
    private static final int[] ODOMETER_AT = shuffledOdometer();
    private static final int[] POSITION_OF = invert(ODOMETER_AT);

    private Nb201Index() {
    }

    /** The index of {@code cell}, which must use only the five official operations. */
    public static int indexOf(Nb201Cell cell) {
        Objects.requireNonNull(cell, "cell is null");
        return POSITION_OF[odometer(cell)];
    }

    /** The cell at benchmark index {@code index} (0..15624). */
    public static Nb201Cell cellAt(int index) {
        Objects.checkIndex(index, CELLS);
        return fromOdometer(ODOMETER_AT[index]);
    }

    /** All cells in odometer order (e5 changing fastest), the order the official code enumerates them. */
    public static List<Nb201Cell> enumerate() {
        List<Nb201Cell> cells = new ArrayList<>(CELLS);
        for (int n = 0; n < CELLS; n++) {
            cells.add(fromOdometer(n));
        }
        return cells;
    }

    static int odometer(Nb201Cell cell) {
        int n = 0;
        for (int e = 0; e < Nb201Cell.EDGES; e++) {
            int digit = Nb201Cell.OPERATIONS.indexOf(cell.op(e));
            if (digit < 0) {
                throw new IllegalArgumentException("edge " + e + " operation '" + cell.op(e)
                        + "' is not a nas-bench-201 operation " + Nb201Cell.OPERATIONS + "; the cell has no index");
            }
            n = n * Nb201Cell.OPERATIONS.size() + digit;
        }
        return n;
    }

    static Nb201Cell fromOdometer(int n) {
        String[] ops = new String[Nb201Cell.EDGES];
        int rest = n;
        for (int e = Nb201Cell.EDGES - 1; e >= 0; e--) {
            ops[e] = Nb201Cell.OPERATIONS.get(rest % Nb201Cell.OPERATIONS.size());
            rest /= Nb201Cell.OPERATIONS.size();
        }
        return new Nb201Cell(List.of(ops));
    }

    private static int[] shuffledOdometer() {
        int[] list = new int[CELLS];
        for (int i = 0; i < CELLS; i++) {
            list[i] = i;
        }
        PythonRandom random = new PythonRandom(PYTHON_SEED);
        for (int i = CELLS - 1; i > 0; i--) {
            int j = random.randbelow(i + 1);
            int t = list[i];
            list[i] = list[j];
            list[j] = t;
        }
        return list;
    }

    private static int[] invert(int[] permutation) {
        int[] inverse = new int[permutation.length];
        for (int i = 0; i < permutation.length; i++) {
            inverse[permutation[i]] = i;
        }
        return inverse;
    }

    /** CPython's MT19937 as seeded by {@code random.seed(n)} for a small non-negative int n. */
    static final class PythonRandom {
        private static final int N = 624;
        private static final int M = 397;
        private final int[] mt = new int[N];
        private int mti;

        PythonRandom(int seed) {
            initByArray(new int[] {seed});
        }

        private void initGenrand(int s) {
            mt[0] = s;
            for (mti = 1; mti < N; mti++) {
                mt[mti] = 1812433253 * (mt[mti - 1] ^ (mt[mti - 1] >>> 30)) + mti;
            }
        }

        private void initByArray(int[] key) {
            initGenrand(19650218);
            int i = 1;
            int j = 0;
            for (int k = Math.max(N, key.length); k > 0; k--) {
                mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key[j] + j;
                i++;
                j++;
                if (i >= N) {
                    mt[0] = mt[N - 1];
                    i = 1;
                }
                if (j >= key.length) {
                    j = 0;
                }
            }
            for (int k = N - 1; k > 0; k--) {
                mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
                i++;
                if (i >= N) {
                    mt[0] = mt[N - 1];
                    i = 1;
                }
            }
            mt[0] = 0x80000000;
        }

        int next32() {
            if (mti >= N) {
                for (int k = 0; k < N; k++) {
                    int y = (mt[k] & 0x80000000) | (mt[(k + 1) % N] & 0x7fffffff);
                    mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
                }
                mti = 0;
            }
            int y = mt[mti++];
            y ^= y >>> 11;
            y ^= (y << 7) & 0x9d2c5680;
            y ^= (y << 15) & 0xefc60000;
            y ^= y >>> 18;
            return y;
        }

        /** {@code random._randbelow(n)}: rejection sampling on {@code getrandbits(bit_length(n))}. */
        int randbelow(int n) {
            int k = 32 - Integer.numberOfLeadingZeros(n);
            int r = next32() >>> (32 - k);
            while (r >= n) {
                r = next32() >>> (32 - k);
            }
            return r;
        }
    }
}
