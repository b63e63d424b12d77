package org.istanas.metrics;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap confidence intervals for rank correlations (Efron and Tibshirani 1993, ch. 13).
 *
 * <p>Each resample draws {@code n} pair indices uniformly with replacement from a {@link SplittableRandom}
 * seeded with {@code seed}, so equal arguments give the same interval on every run and platform. The bounds are
 * the {@code (1 - level)/2} and {@code (1 + level)/2} quantiles of the resampled coefficients, with linear
 * interpolation between order statistics (R's type 7, numpy's default). Resamples on which the coefficient is
 * undefined (every drawn x or y equal, possible for tiny or heavily tied samples) are skipped and counted.
 *
 * <p>The percentile interval is simple and transformation-respecting but can under-cover for small {@code n} or
 * coefficients near +-1; treat it as descriptive there.
 */
public final class Bootstrap {
    private Bootstrap() {
    }

    /**
     * @param method    the coefficient
     * @param resamples number of resamples, at least 1 (1000 or more for reporting)
     * @param level     nominal coverage in (0, 1)
     * @param seed      generator seed
     * @throws IllegalArgumentException for bad input (as {@link RankCorrelation#compute}), bad parameters, or when
     *                                  the coefficient is undefined on every resample
     */
    public static BootstrapInterval percentile(double[] x, double[] y, RankCorrelation method, int resamples,
                                               double level, long seed) {
        Objects.requireNonNull(method, "method is null");
        int n = Inputs.checkPaired(x, y, 2);
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be >= 1, got " + resamples);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        // Resample ranks rather than values: ranks are monotone in the values, so every coefficient is unchanged,
        // and the resamples need no sorting of doubles.
        int[] rx = Ranks.dense(x);
        int[] ry = Ranks.dense(y);
        int dx = Ranks.distinct(rx);
        int dy = Ranks.distinct(ry);
        SplittableRandom random = new SplittableRandom(seed);
        int[] bx = new int[n];
        int[] by = new int[n];
        double[] stats = new double[resamples];
        int defined = 0;
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < n; i++) {
                int j = random.nextInt(n);
                bx[i] = rx[j];
                by[i] = ry[j];
            }
            if (isDefined(method, bx, by)) {
                stats[defined++] = method.computeOfRanks(bx, dx, by, dy);
            }
        }
        if (defined == 0) {
            throw new IllegalArgumentException("bootstrap failed: " + method.id() + " is undefined (constant x or y)"
                    + " on all " + resamples + " resamples of " + n + " pairs");
        }
        double[] sorted = Arrays.copyOf(stats, defined);
        Arrays.sort(sorted);
        double alpha = 1 - level;
        return new BootstrapInterval(method, quantile(sorted, alpha / 2), quantile(sorted, 1 - alpha / 2), level,
                resamples, resamples - defined, seed);
    }

    private static boolean isDefined(RankCorrelation method, int[] x, int[] y) {
        return method == RankCorrelation.KENDALL_A || (!isConstant(x) && !isConstant(y));
    }

    private static boolean isConstant(int[] v) {
        for (int i = 1; i < v.length; i++) {
            if (v[i] != v[0]) {
                return false;
            }
        }
        return true;
    }

    /** Type-7 quantile of ascending {@code sorted}: interpolates at position {@code (m-1) p}. */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
