package org.istanas.app.cli;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.istanas.api.spi.PluginCatalog;
import org.istanas.app.Main;
import org.istanas.app.embed.SearchBuilder;
import org.istanas.app.experiment.Ablation;
import org.istanas.app.experiment.RunsExperiment;
import org.istanas.app.trial.ExecutorChoice;
import org.istanas.app.trial.ExecutorOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code istanas ablation}: the same search for every combination of varied values, N seeds each. */
@Command(name = "ablation", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the same search for every combination of the --vary values (solver, strategy, or any "
                + "configuration key: lambda, sparsity, ...) with --runs seeds each, and report per variant the "
                + "mean ± std of the final validation accuracy, the search time and the genotype agreement across "
                + "seeds, and Kendall's τ between the variants' rankings of every two seeds.",
                "Writes runs.csv, variants.csv and summary.json; run the same command again to continue it."})
public final class AblationCommand implements Callable<Integer> {
    private final PluginCatalog catalog;

    @Spec
    CommandSpec spec;

    @Option(names = "--vary", paramLabel = "KEY=V1,V2,...", required = true,
            description = "A key and its values (repeatable; all combinations run). solver and strategy choose those "
                    + "plugins, any other key is a configuration key (--set).")
    List<String> vary = new ArrayList<>();

    @Option(names = "--runs", paramLabel = "N", required = true, description = "Seeds per variant.")
    int runs;

    @Option(names = "--strategy", paramLabel = "NAME", defaultValue = SearchBuilder.DEFAULT_STRATEGY,
            description = "Search strategy unless varied (default: ${DEFAULT-VALUE}).")
    String strategy;

    @Option(names = "--solver", paramLabel = "NAME", defaultValue = SearchBuilder.DEFAULT_SOLVER,
            description = "Solver unless varied (default: ${DEFAULT-VALUE}).")
    String solver;

    @Option(names = "--seed", defaultValue = "2", description = "Base seed; run i uses the seed 'search --runs' "
            + "gives its run i (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    CommonRunOptions common;

    @Mixin
    ExecutorOptions executor;

    @Inject
    public AblationCommand(PluginCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog is null");
    }

    @Override
    public Integer call() throws Exception {
        Map<String, List<String>> values = parseVary();
        if (runs < 1) {
            throw new ParameterException(spec.commandLine(), "--runs must be at least 1, got " + runs);
        }
        ExecutorChoice choice = ExperimentOptions.choice(spec, executor, catalog);
        // every variant is checked before anything runs
        for (Map<String, String> variant : combinations(values)) {
            List<String> overrides = new ArrayList<>(common.overrides);
            variant.forEach((k, v) -> {
                if (!k.equals("solver") && !k.equals("strategy")) {
                    overrides.add(k + "=" + v);
                }
            });
            ExperimentOptions.checkSearch(spec, catalog, variant.getOrDefault("strategy", strategy),
                    variant.getOrDefault("solver", solver), common, overrides);
        }
        List<String> shared = new ArrayList<>();
        if (!values.containsKey("strategy")) {
            shared.addAll(List.of("--strategy", strategy));
        }
        if (!values.containsKey("solver")) {
            shared.addAll(List.of("--solver", solver));
        }
        ExperimentOptions.addCommon(shared, common, common.overrides);
        Path folder = common.out != null ? common.out : RunsExperiment.defaultFolder("ablation", seed);
        Ablation ablation = new Ablation(folder, values, runs, seed, shared);
        List<Ablation.Row> rows = ablation.run(catalog, choice, Main::run, common.quiet, spec.commandLine().getOut(),
                spec.commandLine().getErr());
        Ablation.print(spec.commandLine().getOut(), rows, folder);
        return 0;
    }

    private Map<String, List<String>> parseVary() {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String v : vary) {
            int eq = v.indexOf('=');
            if (eq <= 0 || eq == v.length() - 1) {
                throw new ParameterException(spec.commandLine(), "--vary '" + v + "': expected KEY=V1,V2,...");
            }
            String key = v.substring(0, eq).trim();
            List<String> list = Arrays.stream(v.substring(eq + 1).split(",")).map(String::trim).toList();
            if (list.stream().anyMatch(String::isEmpty) || list.stream().distinct().count() != list.size()) {
                throw new ParameterException(spec.commandLine(), "--vary '" + v
                        + "': values must be non-empty and distinct");
            }
            if (values.put(key, list) != null) {
                throw new ParameterException(spec.commandLine(), "--vary: key '" + key + "' is given twice");
            }
        }
        return values;
    }

    private static List<Map<String, String>> combinations(Map<String, List<String>> values) {
        List<Map<String, String>> all = new ArrayList<>();
        all.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : all) {
                for (String value : e.getValue()) {
                    Map<String, String> m = new LinkedHashMap<>(partial);
                    m.put(e.getKey(), value);
                    next.add(m);
                }
            }
            all = next;
        }
        return all;
    }
}
