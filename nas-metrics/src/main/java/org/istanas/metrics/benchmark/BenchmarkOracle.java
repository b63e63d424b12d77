package org.istanas.metrics.benchmark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.istanas.api.search.ArchitectureOracle;
import org.istanas.api.space.Architecture;
import org.istanas.api.space.nb201.Nb201Cell;

/**
 * The NAS-Bench-201 table as a search's oracle: the 200-epoch test accuracies (percent, as in the table) of the
 * cell derived so far on CIFAR-10, CIFAR-100 and ImageNet16-120, as metrics.csv columns {@code benchmark_cifar10},
 * {@code benchmark_cifar100}, {@code benchmark_imagenet16}.
 */
public final class BenchmarkOracle implements ArchitectureOracle {
    public static final List<String> COLUMNS = List.of("benchmark_cifar10", "benchmark_cifar100",
            "benchmark_imagenet16");
    private final BenchmarkTable table;

    public BenchmarkOracle(BenchmarkTable table) {
        this.table = Objects.requireNonNull(table, "table is null");
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public Map<String, Double> lookup(Architecture architecture) {
        if (!(architecture instanceof Nb201Cell cell)) {
            throw new IllegalArgumentException(table.source() + ": a nas-bench-201 table cannot look up a "
                    + architecture.space() + " architecture");
        }
        BenchmarkEntry entry = table.lookup(cell);
        Map<String, Double> values = new LinkedHashMap<>();
        values.put(COLUMNS.get(0), entry.cifar10());
        values.put(COLUMNS.get(1), entry.cifar100());
        values.put(COLUMNS.get(2), entry.imagenet16());
        return values;
    }

    @Override
    public String source() {
        return table.source().toString();
    }
}
