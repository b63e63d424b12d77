package org.istanas.metrics.cli;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@code istanas rank} was asked to do.
 *
 * @param csv       the CSV file (header row required)
 * @param xColumn   header name of the first score (e.g. search-time accuracy)
 * @param yColumn   header name of the second score (e.g. stand-alone accuracy)
 * @param method    {@code kendall-a}, {@code kendall-b} or {@code spearman}; checked by {@link RankTool}
 * @param topK      k for top-k overlap and precision@k, or {@code null} for none
 * @param bootstrap number of bootstrap resamples for a confidence interval, or {@code null} for none
 * @param seed      seed of the bootstrap resampling
 * @param ciLevel   confidence level of the interval, in (0, 1)
 * @param json      JSON output instead of text
 */
public record RankOptions(Path csv, String xColumn, String yColumn, String method, Integer topK, Integer bootstrap,
                          long seed, double ciLevel, boolean json) {
    /** Default {@link #method()}: tau-b, the usual "Kendall's tau" when ties occur. */
    public static final String DEFAULT_METHOD = "kendall-b";
    /** Default {@link #seed()}, as a string for command-line defaults. */
    public static final String DEFAULT_SEED = "42";
    /** Default {@link #ciLevel()}, as a string for command-line defaults. */
    public static final String DEFAULT_CI_LEVEL = "0.95";

    public RankOptions {
        Objects.requireNonNull(csv, "csv is null");
        Objects.requireNonNull(xColumn, "xColumn is null");
        Objects.requireNonNull(yColumn, "yColumn is null");
        Objects.requireNonNull(method, "method is null");
        if (topK != null && topK < 1) {
            throw new IllegalArgumentException("--top-k must be >= 1, got " + topK);
        }
        if (bootstrap != null && bootstrap < 1) {
            throw new IllegalArgumentException("--bootstrap must be >= 1 resamples, got " + bootstrap);
        }
        if (!(ciLevel > 0 && ciLevel < 1)) {
            throw new IllegalArgumentException("--ci-level must be in (0, 1), got " + ciLevel);
        }
    }

    /** Options with the defaults: kendall-b, no top-k, no bootstrap, text output. */
    public static RankOptions of(Path csv, String xColumn, String yColumn) {
        return new RankOptions(csv, xColumn, yColumn, DEFAULT_METHOD, null, null, Long.parseLong(DEFAULT_SEED),
                Double.parseDouble(DEFAULT_CI_LEVEL), false);
    }
}
