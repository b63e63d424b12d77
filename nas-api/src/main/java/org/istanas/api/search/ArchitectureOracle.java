package org.istanas.api.search;

import java.util.List;
import java.util.Map;
import org.istanas.api.space.Architecture;

/**
 * Known results of architectures, looked up instead of trained: a tabular benchmark such as NAS-Bench-201. A search
 * given one records, every epoch, the oracle's values for the architecture derived so far (metrics.csv columns
 * {@link #columns()}), so a run shows how good its architecture is at every point without retraining it.
 */
public interface ArchitectureOracle {
    /** The metrics.csv columns it fills, e.g. {@code benchmark_cifar10}. */
    List<String> columns();

    /**
     * The values of {@link #columns()} for {@code architecture}, in column order; NaN where the oracle has none.
     *
     * @throws IllegalArgumentException when the architecture is not of the oracle's space
     */
    Map<String, Double> lookup(Architecture architecture);

    /** Where the values come from (a file), for messages and provenance. */
    String source();
}
