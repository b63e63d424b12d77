package org.istanas.app.consistency;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.istanas.metrics.RankCorrelation;
import org.istanas.metrics.SeedSummary;

/**
 * The outcome of a consistency experiment.
 *
 * @param spec               what ran
 * @param folder             the experiment folder
 * @param pairs              one pair per run, in run order
 * @param correlations       Kendall τ-b, τ-a and Spearman ρ between search and evaluation accuracy
 * @param searchAccuracy     the search accuracies over the runs
 * @param evaluationAccuracy the evaluation accuracies over the runs
 * @param trained            how many searches and evaluations were trained or resumed (the rest were reused)
 * @param reused             how many searches and evaluations were finished already and reused
 */
public record ConsistencyReport(ConsistencySpec spec, Path folder, List<ConsistencyPair> pairs,
                                Map<RankCorrelation, Correlation> correlations, SeedSummary searchAccuracy,
                                SeedSummary evaluationAccuracy, int trained, int reused) {
    public ConsistencyReport {
        Objects.requireNonNull(spec, "spec is null");
        Objects.requireNonNull(folder, "folder is null");
        pairs = List.copyOf(pairs);
        correlations = Map.copyOf(correlations);
    }

    /** The headline coefficient ({@link ConsistencySpec#method()}). */
    public Correlation headline() {
        return correlations.get(spec.method());
    }

    public Path pairsCsv() {
        return folder.resolve(ConsistencyExperiment.PAIRS_CSV);
    }

    public Path scatterPng() {
        return folder.resolve(ConsistencyExperiment.SCATTER_PNG);
    }

    public Path summaryJson() {
        return folder.resolve(ConsistencyExperiment.SUMMARY_JSON);
    }
}
