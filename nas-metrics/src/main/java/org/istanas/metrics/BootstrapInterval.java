package org.istanas.metrics;

import java.util.Objects;

/**
 * A percentile bootstrap confidence interval.
 *
 * @param method             the coefficient resampled
 * @param lower              lower bound, the {@code (1 - level) / 2} quantile of the resampled coefficients
 * @param upper              upper bound, the {@code (1 + level) / 2} quantile
 * @param level              nominal coverage, e.g. 0.95
 * @param resamples          resamples drawn
 * @param undefinedResamples resamples skipped because the coefficient was undefined on them (a constant
 *                           resample for tau-b or rho); the quantiles use the others
 * @param seed               seed of the resampling generator
 */
public record BootstrapInterval(RankCorrelation method, double lower, double upper, double level, int resamples,
                                int undefinedResamples, long seed) {

    public BootstrapInterval {
        Objects.requireNonNull(method, "method is null");
        if (!(lower <= upper)) {
            throw new IllegalArgumentException("lower must be <= upper, got [" + lower + ", " + upper + "]");
        }
        if (undefinedResamples < 0 || undefinedResamples >= resamples) {
            throw new IllegalArgumentException("undefinedResamples must be in [0, resamples), got "
                    + undefinedResamples + " of " + resamples);
        }
    }

    /** Whether {@code value} lies in {@code [lower, upper]}. */
    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }
}
