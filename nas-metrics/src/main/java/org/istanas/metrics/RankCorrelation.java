package org.istanas.metrics;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/** The rank correlation coefficients offered by name, e.g. by {@code istanas rank --method}. */
public enum RankCorrelation {
    /** Kendall's tau-a: (concordant - discordant) / (n(n-1)/2), as in the ISTA-NAS supplementary material. */
    KENDALL_A("kendall-a"),
    /** Kendall's tau-b: tau-a's numerator over the geometric mean of the pairs untied in x and in y. */
    KENDALL_B("kendall-b"),
    /** Spearman's rho: Pearson correlation of average ranks. */
    SPEARMAN("spearman");

    /** How the Kendall p-value is computed, for reports. */
    public static final String KENDALL_P_METHOD = "two-sided, normal approximation with tie correction";
    /** How the Spearman p-value is computed, for reports. */
    public static final String SPEARMAN_P_METHOD = "two-sided, Student t with n-2 degrees of freedom";

    private final String id;

    RankCorrelation(String id) {
        this.id = id;
    }

    /** The command-line and JSON name, e.g. {@code kendall-b}. */
    public String id() {
        return id;
    }

    /**
     * Looks a method up by its {@link #id()} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the valid choices
     */
    public static RankCorrelation fromId(String id) {
        Objects.requireNonNull(id, "id is null");
        for (RankCorrelation method : values()) {
            if (method.id.equals(id.trim().toLowerCase(Locale.ROOT))) {
                return method;
            }
        }
        throw new org.istanas.api.UsageException("unknown correlation method '" + id + "'; expected one of "
                + Arrays.stream(values()).map(RankCorrelation::id).collect(Collectors.joining(", ")));
    }

    /** The coefficient; see {@link Kendall} and {@link Spearman} for the inputs refused. */
    public double compute(double[] x, double[] y) {
        return switch (this) {
            case KENDALL_A -> Kendall.tauA(x, y);
            case KENDALL_B -> Kendall.tauB(x, y);
            case SPEARMAN -> Spearman.rho(x, y);
        };
    }

    /** {@link #compute} on integer ranks in {@code [0, dx)} and {@code [0, dy)}, as the bootstrap resamples them. */
    double computeOfRanks(int[] rx, int dx, int[] ry, int dy) {
        return switch (this) {
            case KENDALL_A -> Kendall.countsOfRanks(rx, dx, ry, dy).tauA();
            case KENDALL_B -> Kendall.countsOfRanks(rx, dx, ry, dy).tauB();
            case SPEARMAN -> Spearman.rhoOfRanks(rx, dx, ry, dy);
        };
    }

    /** The coefficient with its two-sided test of independence. */
    public CorrelationTest test(double[] x, double[] y) {
        if (this == SPEARMAN) {
            double rho = Spearman.rho(x, y);
            int n = x.length;
            return new CorrelationTest(this, n, rho, Spearman.tStatistic(rho, n), Spearman.pValue(rho, n),
                    SPEARMAN_P_METHOD, Double.NaN);
        }
        KendallCounts counts = Kendall.counts(x, y);
        double value = this == KENDALL_A ? counts.tauA() : counts.tauB();
        return new CorrelationTest(this, counts.n(), value, counts.z(), counts.pValue(), KENDALL_P_METHOD,
                counts.hasExactPValue() ? counts.exactPValue() : Double.NaN);
    }

    @Override
    public String toString() {
        return id;
    }
}
