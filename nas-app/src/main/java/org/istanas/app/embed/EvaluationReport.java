package org.istanas.app.embed;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.istanas.metrics.SeedSummary;
import org.istanas.search.toolkit.eval.EvaluationResult;

/**
 * The outcome of {@code evaluate} over one or more seeds.
 *
 * @param runs         one result per seed
 * @param testAccuracy test accuracy over the seeds (mean ± std)
 * @param folder       the run folder (one seed) or the folder holding the seed folders and summary.csv
 * @param benchmark    the benchmark table's values of the architecture ({@code benchmark_cifar10}, ...), when
 *                     {@link EvaluationBuilder#benchmark} gave one; else empty
 */
public record EvaluationReport(List<EvaluationResult> runs, SeedSummary testAccuracy, Path folder,
                               Map<String, Double> benchmark) {
    public EvaluationReport {
        runs = List.copyOf(runs);
        benchmark = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(benchmark));
    }

    /** Without benchmark values. */
    public EvaluationReport(List<EvaluationResult> runs, SeedSummary testAccuracy, Path folder) {
        this(runs, testAccuracy, folder, Map.of());
    }
}
