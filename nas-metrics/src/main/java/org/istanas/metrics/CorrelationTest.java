package org.istanas.metrics;

import java.util.Objects;

/**
 * A rank correlation with its two-sided test of independence.
 *
 * @param method        the coefficient
 * @param n             number of pairs
 * @param value         the coefficient, in [-1, 1]
 * @param statistic     the test statistic: z for Kendall, t for Spearman (NaN where undefined)
 * @param pValue        two-sided p-value, NaN where the test is undefined (Spearman with {@code n < 3})
 * @param pValueMethod  how {@code pValue} was computed, for reports
 * @param exactPValue   exact permutation p-value where available (Kendall without ties, n &lt;= 50, see
 *                      {@link KendallCounts#exactPValue()}), otherwise NaN
 */
public record CorrelationTest(RankCorrelation method, int n, double value, double statistic, double pValue,
                              String pValueMethod, double exactPValue) {

    public CorrelationTest {
        Objects.requireNonNull(method, "method is null");
        Objects.requireNonNull(pValueMethod, "pValueMethod is null");
        if (!(value >= -1 && value <= 1)) {
            throw new IllegalArgumentException("value must be in [-1, 1], got " + value);
        }
        if (!Double.isNaN(pValue) && !(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException("pValue must be in [0, 1] or NaN, got " + pValue);
        }
    }

    /** Whether {@link #exactPValue()} is defined. */
    public boolean hasExactPValue() {
        return !Double.isNaN(exactPValue);
    }

    /** Whether {@link #pValue()} is defined. */
    public boolean hasPValue() {
        return !Double.isNaN(pValue);
    }
}
