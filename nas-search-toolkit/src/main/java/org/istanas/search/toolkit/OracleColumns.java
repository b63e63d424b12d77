package org.istanas.search.toolkit;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.istanas.api.search.ArchitectureOracle;
import org.istanas.api.space.Architecture;

/** The benchmark columns of a super-net job's metrics: none without an oracle, else the oracle's. */
public final class OracleColumns {
    private final ArchitectureOracle oracle;

    public OracleColumns(Optional<ArchitectureOracle> oracle) {
        this.oracle = oracle.orElse(null);
    }

    public List<String> columns() {
        return oracle == null ? List.of() : oracle.columns();
    }

    /** Adds the oracle's values for {@code architecture} to an epoch's metrics. */
    public void addTo(Map<String, Double> metrics, Architecture architecture) {
        if (oracle != null) {
            metrics.putAll(oracle.lookup(architecture));
        }
    }

    /**
     * The oracle's values of the final architecture as the console's last lines give them, e.g. {@code benchmark
     * nb201.csv: cifar10 93.76 %, cifar100 70.71 %, imagenet16 41.44 %}.
     */
    public static String summary(ArchitectureOracle oracle, Architecture architecture) {
        return "benchmark " + oracle.source() + ": " + String.join(", ", oracle.lookup(architecture).entrySet()
                .stream().map(e -> e.getKey().replace("benchmark_", "") + " "
                        + String.format(java.util.Locale.ROOT, "%.2f %%", e.getValue())).toList());
    }
}
