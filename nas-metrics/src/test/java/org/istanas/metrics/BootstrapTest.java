package org.istanas.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class BootstrapTest {

    private static double[][] correlatedSample(long seed, int n) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.round(random.nextDouble() * 20) / 2.0; // ties on a 0.5 grid
            y[i] = x[i] + random.nextDouble() * 6;
        }
        return new double[][] {x, y};
    }

    @Test
    void sameSeedGivesTheSameIntervalAndItContainsThePointEstimate() {
        double[][] s = correlatedSample(5, 150);
        for (RankCorrelation method : RankCorrelation.values()) {
            BootstrapInterval a = Bootstrap.percentile(s[0], s[1], method, 400, 0.95, 42);
            BootstrapInterval b = Bootstrap.percentile(s[0], s[1], method, 400, 0.95, 42);
            BootstrapInterval c = Bootstrap.percentile(s[0], s[1], method, 400, 0.95, 43);
            assertThat(a).isEqualTo(b);
            assertThat(c).isNotEqualTo(a);
            double estimate = method.compute(s[0], s[1]);
            assertThat(a.contains(estimate)).as("%s: %s in %s", method, estimate, a).isTrue();
            assertThat(a.upper() - a.lower()).isBetween(0.01, 0.5);
            assertThat(a.undefinedResamples()).isZero();
        }
    }

    @Test
    void resamplingRanksEqualsResamplingValues() {
        // Independent path: draw the same indices from the same generator, resample the values themselves, and
        // take the type-7 quantiles of the coefficients computed from scratch.
        double[][] s = correlatedSample(13, 60);
        for (RankCorrelation method : RankCorrelation.values()) {
            SplittableRandom random = new SplittableRandom(99);
            double[] stats = new double[300];
            for (int b = 0; b < stats.length; b++) {
                double[] bx = new double[60];
                double[] by = new double[60];
                for (int i = 0; i < 60; i++) {
                    int j = random.nextInt(60);
                    bx[i] = s[0][j];
                    by[i] = s[1][j];
                }
                stats[b] = method.compute(bx, by);
            }
            java.util.Arrays.sort(stats);
            BootstrapInterval interval = Bootstrap.percentile(s[0], s[1], method, 300, 0.8, 99);
            // positions (300 - 1) * 0.1 = 29.9 and (300 - 1) * 0.9 = 269.1
            assertThat(interval.lower()).isCloseTo(stats[29] + 0.9 * (stats[30] - stats[29]), within(1e-12));
            assertThat(interval.upper()).isCloseTo(stats[269] + 0.1 * (stats[270] - stats[269]), within(1e-12));
        }
    }

    @Test
    void widerLevelGivesWiderInterval() {
        double[][] s = correlatedSample(9, 80);
        BootstrapInterval narrow = Bootstrap.percentile(s[0], s[1], RankCorrelation.KENDALL_B, 500, 0.5, 1);
        BootstrapInterval wide = Bootstrap.percentile(s[0], s[1], RankCorrelation.KENDALL_B, 500, 0.99, 1);
        assertThat(wide.lower()).isLessThan(narrow.lower());
        assertThat(wide.upper()).isGreaterThan(narrow.upper());
    }

    @Test
    void undefinedResamplesAreSkippedAndCounted() {
        // Only one x differs: with n = 4, a resample misses it with probability (3/4)^4 ~ 0.32 and is constant.
        double[] x = {1, 1, 1, 2};
        double[] y = {1, 2, 3, 4};
        BootstrapInterval interval = Bootstrap.percentile(x, y, RankCorrelation.KENDALL_B, 1000, 0.9, 3);
        assertThat(interval.undefinedResamples()).isBetween(250, 390);
        BootstrapInterval tauA = Bootstrap.percentile(x, y, RankCorrelation.KENDALL_A, 1000, 0.9, 3);
        assertThat(tauA.undefinedResamples()).isZero();
    }

    @Test
    void quantileInterpolatesLinearlyBetweenOrderStatistics() {
        double[] sorted = {1, 2, 4, 8};
        // position (4 - 1) p: p = 0.5 -> 1.5 -> 2 + 0.5 (4 - 2) = 3; p = 0.9 -> 2.7 -> 4 + 0.7 (8 - 4) = 6.8
        assertThat(Bootstrap.quantile(sorted, 0.5)).isCloseTo(3.0, within(1e-12));
        assertThat(Bootstrap.quantile(sorted, 0.9)).isCloseTo(6.8, within(1e-12));
        assertThat(Bootstrap.quantile(sorted, 0.0)).isEqualTo(1);
        assertThat(Bootstrap.quantile(sorted, 1.0)).isEqualTo(8);
    }

    @Test
    void refusesBadParameters() {
        double[] x = {1, 2, 3};
        assertThatThrownBy(() -> Bootstrap.percentile(x, x, RankCorrelation.SPEARMAN, 0, 0.95, 1))
                .hasMessageContaining("resamples must be >= 1");
        assertThatThrownBy(() -> Bootstrap.percentile(x, x, RankCorrelation.SPEARMAN, 10, 1.0, 1))
                .hasMessageContaining("level must be in (0, 1)");
        assertThatThrownBy(() -> Bootstrap.percentile(new double[] {1, 1}, x, RankCorrelation.SPEARMAN, 10, 0.9, 1))
                .hasMessageContaining("same length");
        assertThatThrownBy(() -> Bootstrap.percentile(new double[] {1, 1}, new double[] {1, 2},
                RankCorrelation.KENDALL_B, 10, 0.9, 1)).hasMessageContaining("undefined (constant x or y) on all 10");
    }
}
