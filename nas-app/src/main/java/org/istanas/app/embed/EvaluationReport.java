package org.istanas.app.embed;

import java.nio.file.Path;
import java.util.List;
import org.istanas.metrics.SeedSummary;
import org.istanas.search.toolkit.eval.EvaluationResult;

/**
 * The outcome of {@code evaluate} over one or more seeds.
 *
 * @param runs         one result per seed
 * @param testAccuracy test accuracy over the seeds (mean ± std)
 * @param folder       the run folder (one seed) or the folder holding the seed folders and summary.csv
 */
public record EvaluationReport(List<EvaluationResult> runs, SeedSummary testAccuracy, Path folder) {
    public EvaluationReport {
        runs = List.copyOf(runs);
    }
}
