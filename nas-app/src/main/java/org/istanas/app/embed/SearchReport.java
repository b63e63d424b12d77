package org.istanas.app.embed;

import java.nio.file.Path;
import java.util.List;
import org.istanas.api.search.SearchOutcome;
import org.istanas.metrics.SeedSummary;

/**
 * The outcome of {@code search} with one or more runs.
 *
 * @param runs          every run, in run order
 * @param bestIndex     index of the run with the highest final validation accuracy (the paper's selection rule)
 * @param validAccuracy validation accuracy over the runs (mean ± std, best of n)
 * @param folder        the folder holding the run (one run) or the runs and summary.csv (several)
 */
public record SearchReport(List<SearchOutcome> runs, int bestIndex, SeedSummary validAccuracy, Path folder) {
    public SearchReport {
        runs = List.copyOf(runs);
    }

    public SearchOutcome best() {
        return runs.get(bestIndex);
    }
}
