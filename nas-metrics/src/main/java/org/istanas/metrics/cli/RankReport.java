package org.istanas.metrics.cli;

import java.util.List;
import java.util.Objects;
import org.istanas.metrics.BootstrapInterval;
import org.istanas.metrics.CorrelationTest;
import org.istanas.metrics.io.SkippedRow;

/**
 * The result of {@code istanas rank}.
 *
 * @param file          the CSV file
 * @param xColumn       x column name
 * @param yColumn       y column name
 * @param test          the coefficient and its test
 * @param skipped       rows left out for missing or unusable values
 * @param skippedSample the first skipped rows with reasons
 * @param interval      bootstrap interval, or {@code null} when not requested
 * @param topK          top-k agreement, or {@code null} when not requested
 */
public record RankReport(String file, String xColumn, String yColumn, CorrelationTest test, int skipped,
                         List<SkippedRow> skippedSample, BootstrapInterval interval, TopKAgreement topK) {

    public RankReport {
        Objects.requireNonNull(file, "file is null");
        Objects.requireNonNull(xColumn, "xColumn is null");
        Objects.requireNonNull(yColumn, "yColumn is null");
        Objects.requireNonNull(test, "test is null");
        skippedSample = List.copyOf(skippedSample);
    }

    /**
     * Top-k agreement (see {@link org.istanas.metrics.TopK}).
     *
     * @param k                 number of best items
     * @param overlap           expected shared fraction of the two top-k sets
     * @param precision         precision@k of x's top k against y's
     * @param randomExpectation {@code k / n}, the expected overlap of unrelated scores
     */
    public record TopKAgreement(int k, double overlap, double precision, double randomExpectation) {
    }
}
