package org.istanas.search.toolkit.training;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a job reports when an epoch ends.
 *
 * @param metrics  named values of the metrics row in column order (the loop adds epoch and seconds)
 * @param labels   text columns of the metrics row (e.g. the support of every node), in column order
 * @param codes    the architecture code row for codes.csv (empty when the job keeps none)
 * @param note     a line for the progress display (e.g. the genotype)
 */
public record EpochResult(Map<String, Double> metrics, Map<String, String> labels, List<Double> codes, String note) {
    public EpochResult {
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
        labels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labels));
        codes = List.copyOf(codes);
        Objects.requireNonNull(note, "note is null");
    }
}
