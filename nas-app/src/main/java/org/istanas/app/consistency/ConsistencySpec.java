package org.istanas.app.consistency;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.istanas.metrics.RankCorrelation;

/**
 * What a consistency experiment runs.
 *
 * @param strategy         search strategy plugin name, e.g. {@code two-stage} or {@code darts}
 * @param runs             number of searches (and evaluations)
 * @param preset           preset name used for the searches and the evaluations ({@code paper}, {@code cpu},
 *                         {@code smoke})
 * @param dataset          dataset plugin name
 * @param dataDir          directory of the dataset's files, or null
 * @param datasetOptions   provider options, e.g. {@code trainSize=1000} for the synthetic dataset
 * @param solver           sparse-coding solver of the searches
 * @param seed             base seed; search i uses {@code Seeds.forRun(seed, i)}, as {@code search --runs} does
 * @param evaluationSeed   the seed of every evaluation, the same for all genotypes so that accuracy differences come
 *                         from the architectures, not from the training noise of different seeds
 * @param method           the headline correlation ({@code kendall-b} by default); all three are reported
 * @param searchOverrides  {@code key=value} configuration keys applied to every search
 * @param evalOverrides    {@code key=value} configuration keys applied to every evaluation
 */
public record ConsistencySpec(String strategy, int runs, String preset, String dataset, Path dataDir,
                              Map<String, String> datasetOptions, String solver, long seed, long evaluationSeed,
                              RankCorrelation method, List<String> searchOverrides, List<String> evalOverrides) {
    public ConsistencySpec {
        Objects.requireNonNull(strategy, "strategy is null");
        Objects.requireNonNull(preset, "preset is null");
        Objects.requireNonNull(dataset, "dataset is null");
        Objects.requireNonNull(solver, "solver is null");
        Objects.requireNonNull(method, "method is null");
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be >= 1, got " + runs);
        }
        datasetOptions = Collections.unmodifiableMap(new LinkedHashMap<>(
                Objects.requireNonNull(datasetOptions, "datasetOptions is null")));
        searchOverrides = List.copyOf(Objects.requireNonNull(searchOverrides, "searchOverrides is null"));
        evalOverrides = List.copyOf(Objects.requireNonNull(evalOverrides, "evalOverrides is null"));
    }

    /**
     * The settings that decide what each run trains. An experiment folder keeps them in experiment.json and refuses
     * to continue with different ones; {@code runs} and {@code method} are not among them, so an experiment can be
     * extended with more runs or re-analysed with another coefficient while reusing its finished runs.
     */
    public Map<String, String> identity() {
        Map<String, String> id = new LinkedHashMap<>();
        id.put("strategy", strategy);
        id.put("preset", preset);
        id.put("dataset", dataset);
        id.put("dataDir", dataDir == null ? "" : dataDir.toAbsolutePath().normalize().toString());
        id.put("datasetOptions", datasetOptions.toString());
        id.put("solver", solver);
        id.put("seed", Long.toString(seed));
        id.put("evaluationSeed", Long.toString(evaluationSeed));
        id.put("searchOverrides", String.join(" ", searchOverrides));
        id.put("evalOverrides", String.join(" ", evalOverrides));
        return Collections.unmodifiableMap(id);
    }
}
