package org.istanas.search.twostage;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.istanas.api.search.ArchitectureOracle;
import org.istanas.api.space.Architecture;

/** The benchmark columns of a super-net job's metrics: none without an oracle, else the oracle's. */
final class OracleColumns {
    private final ArchitectureOracle oracle;

    OracleColumns(Optional<ArchitectureOracle> oracle) {
        this.oracle = oracle.orElse(null);
    }

    List<String> columns() {
        return oracle == null ? List.of() : oracle.columns();
    }

    /** Adds the oracle's values for {@code architecture} to an epoch's metrics. */
    void addTo(Map<String, Double> metrics, Architecture architecture) {
        if (oracle != null) {
            metrics.putAll(oracle.lookup(architecture));
        }
    }
}
