package org.istanas.metrics.benchmark;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a multi-trial search on the table.
 *
 * @param best       the best cell queried (by the search's fitness)
 * @param queries    how many table queries the search made
 * @param trajectory the fitness of the best cell so far after each query
 */
public record TableSearchResult(String method, long seed, BenchmarkEntry best, int queries, List<Double> trajectory) {
    public TableSearchResult {
        Objects.requireNonNull(best, "best is null");
        trajectory = List.copyOf(trajectory);
    }
}
