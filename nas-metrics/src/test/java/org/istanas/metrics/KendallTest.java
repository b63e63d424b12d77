package org.istanas.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.correlation.KendallsCorrelation;
import org.junit.jupiter.api.Test;

final class KendallTest {

    @Test
    void handComputedWithoutTies() {
        // x = 1..5, y = 3 1 2 5 4. Pairs (i<j): (1,2) D, (1,3) D, (1,4) C, (1,5) C, (2,3) C, (2,4) C, (2,5) C,
        // (3,4) C, (3,5) C, (4,5) D  ->  C = 7, D = 3, S = 4, tau-a = tau-b = 4/10.
        double[] x = {1, 2, 3, 4, 5};
        double[] y = {3, 1, 2, 5, 4};
        KendallCounts c = Kendall.counts(x, y);
        assertThat(c.concordant()).isEqualTo(7);
        assertThat(c.discordant()).isEqualTo(3);
        assertThat(c.s()).isEqualTo(4);
        assertThat(Kendall.tauA(x, y)).isCloseTo(0.4, within(1e-15));
        assertThat(Kendall.tauB(x, y)).isCloseTo(0.4, within(1e-15));
        // Var S = n(n-1)(2n+5)/18 = 5*4*15/18 = 50/3; z = 4/sqrt(50/3) = 0.979796; p = 2(1 - Phi(z)) ~ 0.3272
        // (scipy.stats.kendalltau(x, y, method='asymptotic').pvalue).
        assertThat(c.varianceOfS()).isCloseTo(50.0 / 3, within(1e-12));
        assertThat(c.z()).isCloseTo(4 / Math.sqrt(50.0 / 3), within(1e-12));
        assertThat(c.pValue()).isCloseTo(0.3272, within(1e-4));
        assertThat(c.pValue()).isCloseTo(2 * new NormalDistribution().cumulativeProbability(-c.z()), within(1e-12));
    }

    @Test
    void handComputedWithTies() {
        // x = 1 2 2 3 4, y = 1 3 2 2 4. Pairs: (1,2) C, (1,3) C, (1,4) C, (1,5) C, (2,3) x-tied, (2,4) D, (2,5) C,
        // (3,4) y-tied, (3,5) C, (4,5) C  ->  C = 7, D = 1, n1 = 1, n2 = 1, n3 = 0, S = 6.
        // tau-a = 6/10; tau-b = 6 / sqrt((10-1)(10-1)) = 2/3.
        double[] x = {1, 2, 2, 3, 4};
        double[] y = {1, 3, 2, 2, 4};
        KendallCounts c = Kendall.counts(x, y);
        assertThat(c.concordant()).isEqualTo(7);
        assertThat(c.discordant()).isEqualTo(1);
        assertThat(c.tiedX()).isEqualTo(1);
        assertThat(c.tiedY()).isEqualTo(1);
        assertThat(c.tiedXY()).isZero();
        assertThat(Kendall.tauA(x, y)).isCloseTo(0.6, within(1e-15));
        assertThat(Kendall.tauB(x, y)).isCloseTo(2.0 / 3, within(1e-15));
        // One tie group of size 2 in each: Var S = (5*4*15 - 2*1*9 - 2*1*9)/18 + (2*1)(2*1)/(2*5*4) + 0
        //                                       = 264/18 + 0.1 = 14.7666...
        assertThat(c.varianceOfS()).isCloseTo(264.0 / 18 + 0.1, within(1e-12));
        assertThat(c.pValue()).isCloseTo(
                2 * new NormalDistribution().cumulativeProbability(-6 / Math.sqrt(264.0 / 18 + 0.1)), within(1e-12));
    }

    @Test
    void handComputedWithJointTies() {
        // x = 1 1 2 2, y = 1 1 2 1. (1,2) tied in both, (1,3) C, (1,4) y-tied, (2,3) C, (2,4) y-tied,
        // (3,4) x-tied  ->  n1 = 2, n2 = 3, n3 = 1, C = 2, D = 0; tau-a = 2/6; tau-b = 2/sqrt((6-2)(6-3)).
        double[] x = {1, 1, 2, 2};
        double[] y = {1, 1, 2, 1};
        KendallCounts c = Kendall.counts(x, y);
        assertThat(c).extracting(KendallCounts::tiedX, KendallCounts::tiedY, KendallCounts::tiedXY,
                KendallCounts::discordant, KendallCounts::concordant).containsExactly(2L, 3L, 1L, 0L, 2L);
        assertThat(c.tauA()).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(c.tauB()).isCloseTo(2 / Math.sqrt(12), within(1e-15));
    }

    @Test
    void knightEqualsQuadraticReferenceOnHeavilyTiedRandomData() {
        SplittableRandom random = new SplittableRandom(20201201L);
        int[] sizes = {2, 3, 4, 5, 7, 10, 16, 31, 64, 100, 257, 1000, 2048};
        for (int size : sizes) {
            for (int trial = 0; trial < 20; trial++) {
                int levels = 1 + random.nextInt(Math.max(1, size / (1 + trial % 4))); // from all-tied to few ties
                double[] x = randomLevels(random, size, levels);
                double[] y = randomLevels(random, size, 1 + random.nextInt(size));
                NaiveKendall expected = NaiveKendall.of(x, y);
                KendallCounts actual = Kendall.counts(x, y);
                String where = "size " + size + ", trial " + trial;
                assertThat(actual.concordant()).as(where).isEqualTo(expected.concordant);
                assertThat(actual.discordant()).as(where).isEqualTo(expected.discordant);
                assertThat(actual.tiedX()).as(where).isEqualTo(expected.tiedX);
                assertThat(actual.tiedY()).as(where).isEqualTo(expected.tiedY);
                assertThat(actual.tiedXY()).as(where).isEqualTo(expected.tiedXY);
                assertThat(actual.tauA()).as(where).isCloseTo(expected.tauA(), within(1e-12));
                if (expected.tiedX < actual.pairs() && expected.tiedY < actual.pairs()) {
                    assertThat(actual.tauB()).as(where).isCloseTo(expected.tauB(), within(1e-12));
                }
            }
        }
    }

    @Test
    void tauBEqualsCommonsMathOnRandomData() {
        SplittableRandom random = new SplittableRandom(7);
        KendallsCorrelation commons = new KendallsCorrelation();
        for (int trial = 0; trial < 200; trial++) {
            int n = 2 + random.nextInt(300);
            double[] x = trial % 2 == 0 ? randomLevels(random, n, 1 + n / 3) : gaussian(random, n);
            double[] y = trial % 3 == 0 ? gaussian(random, n) : randomLevels(random, n, 2 + random.nextInt(n));
            if (isConstant(x) || isConstant(y)) {
                continue;
            }
            assertThat(Kendall.tauB(x, y)).as("trial %d", trial)
                    .isCloseTo(commons.correlation(x, y), within(1e-12));
        }
    }

    @Test
    void nullVarianceEqualsExactPermutationVarianceWithoutTies() {
        assertExactPermutationVariance(new double[] {1, 2, 3, 4, 5, 6}, new double[] {6, 1, 5, 2, 4, 3});
    }

    @Test
    void nullVarianceEqualsExactPermutationVarianceWithTies() {
        // Kendall's tie-corrected variance is the exact variance of S over all n! pairings given the tie groups.
        assertExactPermutationVariance(new double[] {1, 1, 2, 3, 3, 3, 4}, new double[] {1, 2, 2, 5, 5, 6, 7});
        assertExactPermutationVariance(new double[] {1, 1, 1, 2, 2, 3, 3}, new double[] {0, 0, 0, 0, 1, 1, 2});
    }

    private static void assertExactPermutationVariance(double[] x, double[] y) {
        double[] permuted = y.clone();
        double[] sumAndSquares = new double[3];
        permute(permuted, 0, x, sumAndSquares);
        double mean = sumAndSquares[1] / sumAndSquares[0];
        double variance = sumAndSquares[2] / sumAndSquares[0] - mean * mean;
        assertThat(mean).isCloseTo(0.0, within(1e-9));
        assertThat(Kendall.counts(x, y).varianceOfS()).isCloseTo(variance, within(1e-9));
    }

    /** Recursive swap enumeration of all permutations of {@code y}, accumulating count, sum S and sum S^2. */
    private static void permute(double[] y, int k, double[] x, double[] acc) {
        if (k == y.length) {
            long s = NaiveKendall.of(x, y).s();
            acc[0]++;
            acc[1] += s;
            acc[2] += (double) s * s;
            return;
        }
        for (int i = k; i < y.length; i++) {
            swap(y, k, i);
            permute(y, k + 1, x, acc);
            swap(y, k, i);
        }
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    @Test
    void exactPValueEqualsEnumerationOfAllPermutations() {
        // Two-sided exact p = min(1, 2 P(D <= min(d, n0 - d))) with D the discordant count of a random pairing;
        // here P is counted over all 6! = 720 pairings of y.
        double[] x = {1, 2, 3, 4, 5, 6};
        for (double[] y : new double[][] {{1, 2, 3, 4, 5, 6}, {2, 1, 4, 3, 6, 5}, {6, 1, 5, 2, 4, 3},
                {3, 6, 1, 5, 2, 4}, {6, 5, 4, 3, 2, 1}}) {
            KendallCounts counts = Kendall.counts(x, y);
            long c = Math.min(counts.discordant(), counts.pairs() - counts.discordant());
            long[] atMost = new long[1];
            long[] total = new long[1];
            countPermutations(y.clone(), 0, x, c, atMost, total);
            assertThat(total[0]).isEqualTo(720);
            assertThat(counts.exactPValue()).as("y=%s", java.util.Arrays.toString(y))
                    .isCloseTo(Math.min(1.0, 2.0 * atMost[0] / total[0]), within(1e-12));
        }
        // Published value: n = 5 with d = 1 (S = 8): 2 * (1 + 4) / 120 = 0.0833 (scipy kendalltau method='exact').
        assertThat(Kendall.counts(new double[] {1, 2, 3, 4, 5}, new double[] {1, 2, 3, 5, 4}).exactPValue())
                .isCloseTo(10.0 / 120, within(1e-12));
    }

    @Test
    void exactPValueApproachesTheNormalApproximationForLargerN() {
        // In the body of the distribution (not the far tail, where S is lighter-tailed than a normal) the two agree
        // to a few percent at n = 50.
        SplittableRandom random = new SplittableRandom(31);
        int checked = 0;
        for (int trial = 0; trial < 200; trial++) {
            double[] x = new double[50];
            double[] y = new double[50];
            for (int i = 0; i < 50; i++) {
                x[i] = i;
                y[i] = i + random.nextDouble() * 400;
            }
            KendallCounts c = Kendall.counts(x, y);
            if (c.pValue() > 0.01 && c.pValue() < 0.9) {
                assertThat(c.exactPValue()).as("trial %d", trial).isCloseTo(c.pValue(), within(0.05 * c.pValue()));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(50);
        assertThat(Kendall.counts(new double[] {1, 1, 2}, new double[] {1, 2, 3}).hasExactPValue()).isFalse();
        assertThatThrownBy(() -> Kendall.counts(new double[] {1, 1, 2}, new double[] {1, 2, 3}).exactPValue())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("1 x-tied");
    }

    private static void countPermutations(double[] y, int k, double[] x, long c, long[] atMost, long[] total) {
        if (k == y.length) {
            total[0]++;
            if (NaiveKendall.of(x, y).discordant <= c) {
                atMost[0]++;
            }
            return;
        }
        for (int i = k; i < y.length; i++) {
            swap(y, k, i);
            countPermutations(y, k + 1, x, c, atMost, total);
            swap(y, k, i);
        }
    }

    @Test
    void signedZerosAreTiedAsInTheDefinition() {
        double[] x = {-0.0, 0.0, 1.0};
        double[] y = {1.0, 2.0, 3.0};
        assertThat(Kendall.counts(x, y).tiedX()).isEqualTo(NaiveKendall.of(x, y).tiedX).isEqualTo(1);
    }

    @Test
    void constantInputGivesTauAZeroButRefusesTauB() {
        double[] x = {2, 2, 2, 2};
        double[] y = {1, 3, 2, 4};
        KendallCounts c = Kendall.counts(x, y);
        assertThat(c.tauA()).isZero();
        assertThat(c.pValue()).isEqualTo(1.0);
        assertThatThrownBy(() -> Kendall.tauB(x, y))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x is constant");
        assertThatThrownBy(() -> Kendall.tauB(y, x))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("y is constant");
    }

    @Test
    void refusesBadInput() {
        assertThatThrownBy(() -> Kendall.tauA(new double[] {1, Double.NaN}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x[1] is NaN");
        assertThatThrownBy(() -> Kendall.tauB(new double[] {1, 2}, new double[] {Double.NEGATIVE_INFINITY, 2}))
                .hasMessageContaining("y[0] is -Infinity");
        assertThatThrownBy(() -> Kendall.tauA(new double[0], new double[0])).hasMessageContaining("x is empty");
        assertThatThrownBy(() -> Kendall.tauA(new double[] {1}, new double[] {1}))
                .hasMessageContaining("x has 1 value(s); at least 2 are needed");
        assertThatThrownBy(() -> Kendall.tauA(new double[] {1, 2}, new double[] {1, 2, 3}))
                .hasMessageContaining("same length, got 2 and 3");
        assertThatThrownBy(() -> Kendall.tauA(null, new double[] {1, 2}))
                .isInstanceOf(NullPointerException.class).hasMessage("x is null");
    }

    @Test
    void countInversionsSortsAndCountsStrictInversions() {
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 100; trial++) {
            int n = random.nextInt(70);
            int[] a = new int[n];
            for (int i = 0; i < n; i++) {
                a[i] = random.nextInt(1 + n / 2);
            }
            long expected = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    if (a[i] > a[j]) {
                        expected++;
                    }
                }
            }
            int[] sorted = a.clone();
            java.util.Arrays.sort(sorted);
            assertThat(Kendall.countInversions(a)).isEqualTo(expected);
            assertThat(a).containsExactly(sorted);
        }
    }

    static double[] randomLevels(SplittableRandom random, int n, int levels) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextInt(levels) * 0.5 - 3;
        }
        return v;
    }

    static double[] gaussian(SplittableRandom random, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextDouble() * 2 - 1 + random.nextDouble();
        }
        return v;
    }

    static boolean isConstant(double[] v) {
        for (double d : v) {
            if (d != v[0]) {
                return false;
            }
        }
        return true;
    }
}
