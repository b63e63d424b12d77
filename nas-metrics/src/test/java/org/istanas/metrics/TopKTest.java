package org.istanas.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class TopKTest {

    @Test
    void withoutTiesOverlapAndPrecisionAreTheSharedFraction() {
        // top-2 by x = {0, 1}, top-2 by y = {0, 2}: one shared item -> 1/2
        double[] x = {5, 4, 3, 2, 1};
        double[] y = {5, 3, 4, 1, 2};
        assertThat(TopK.overlap(x, y, 2)).isEqualTo(0.5);
        assertThat(TopK.precisionAtK(x, y, 2)).isEqualTo(0.5);
        assertThat(TopK.overlap(x, y, 5)).isEqualTo(1.0);
        assertThat(TopK.overlap(x, x, 3)).isEqualTo(1.0);
    }

    @Test
    void tiesAtTheBoundaryAreAveragedOverTieBreaks() {
        // x = 3 2 2 1, k = 2: item 0 is in; one of items 1, 2 joins -> p_x = (1, 1/2, 1/2, 0).
        // y = 4 4 4 1, k = 2: two of items 0, 1, 2 -> p_y = (2/3, 2/3, 2/3, 0).
        // overlap = (1 * 2/3 + 1/2 * 2/3 + 1/2 * 2/3) / 2 = 2/3 (enumerating the 2 x 3 tie-breaks gives the same).
        // precision: relevant = {y >= 4} = {0, 1, 2}, expected hits = 1 + 1/2 + 1/2 = 2 -> 2/2 = 1.
        double[] x = {3, 2, 2, 1};
        double[] y = {4, 4, 4, 1};
        assertThat(TopK.overlap(x, y, 2)).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(TopK.precisionAtK(x, y, 2)).isCloseTo(1.0, within(1e-15));
    }

    @Test
    void inclusionProbabilitiesEqualEnumerationOfAllTieBreaks() {
        SplittableRandom random = new SplittableRandom(17);
        for (int trial = 0; trial < 30; trial++) {
            int n = 2 + random.nextInt(5);
            double[] v = KendallTest.randomLevels(random, n, 1 + random.nextInt(3));
            int k = 1 + random.nextInt(n);
            assertThat(TopK.inclusionProbabilities(v, k)).as("v=%s k=%d", java.util.Arrays.toString(v), k)
                    .containsExactly(enumerated(v, k), within(1e-12));
        }
    }

    /** P(i in top k) when the order among equal values is a uniformly random permutation. */
    private static double[] enumerated(double[] v, int k) {
        int n = v.length;
        List<int[]> perms = new ArrayList<>();
        permutations(new int[n], new boolean[n], 0, perms);
        double[] p = new double[n];
        for (int[] tieBreak : perms) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                order.add(i);
            }
            order.sort(Comparator.<Integer>comparingDouble(i -> -v[i]).thenComparingInt(i -> tieBreak[i]));
            for (int r = 0; r < k; r++) {
                p[order.get(r)] += 1.0 / perms.size();
            }
        }
        return p;
    }

    private static void permutations(int[] current, boolean[] used, int pos, List<int[]> out) {
        if (pos == current.length) {
            out.add(current.clone());
            return;
        }
        for (int i = 0; i < current.length; i++) {
            if (!used[i]) {
                used[i] = true;
                current[pos] = i;
                permutations(current, used, pos + 1, out);
                used[i] = false;
            }
        }
    }

    @Test
    void resultDoesNotDependOnRowOrder() {
        SplittableRandom random = new SplittableRandom(23);
        double[] x = KendallTest.randomLevels(random, 50, 8);
        double[] y = KendallTest.randomLevels(random, 50, 8);
        double[] xr = new double[50];
        double[] yr = new double[50];
        for (int i = 0; i < 50; i++) {
            xr[i] = x[49 - i];
            yr[i] = y[49 - i];
        }
        for (int k : new int[] {1, 5, 10, 50}) {
            assertThat(TopK.overlap(xr, yr, k)).isCloseTo(TopK.overlap(x, y, k), within(1e-12));
            assertThat(TopK.precisionAtK(xr, yr, k)).isCloseTo(TopK.precisionAtK(x, y, k), within(1e-12));
            assertThat(TopK.precisionAtK(x, y, k)).isGreaterThanOrEqualTo(TopK.overlap(x, y, k) - 1e-12);
        }
    }

    @Test
    void refusesKOutsideOneToN() {
        double[] x = {1, 2, 3};
        assertThatThrownBy(() -> TopK.overlap(x, x, 0)).hasMessageContaining("k must be in [1, n] = [1, 3], got 0");
        assertThatThrownBy(() -> TopK.precisionAtK(x, x, 4)).hasMessageContaining("got 4");
        assertThatThrownBy(() -> TopK.overlap(x, new double[] {1, Double.NaN, 3}, 1)).hasMessageContaining("y[1] is NaN");
    }
}
