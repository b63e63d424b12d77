package org.istanas.app.cli;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.istanas.api.genotype.GenotypeText;
import org.istanas.api.search.SearchOutcome;
import org.istanas.api.spi.PluginCatalog;
import org.istanas.app.embed.Istanas;
import org.istanas.app.embed.SearchBuilder;
import org.istanas.app.embed.SearchReport;
import org.istanas.app.Main;
import org.istanas.app.experiment.RunsExperiment;
import org.istanas.app.trial.ExecutorChoice;
import org.istanas.app.trial.ExecutorOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code istanas search}: runs a search strategy and writes a run folder. */
@Command(name = "search", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Search for a cell architecture.",
                "Writes config.yaml, provenance.json, metrics.csv, codes.csv, genotype.json, cells.dot and "
                        + "checkpoints/ to the run folder; continue an interrupted run with 'istanas resume --run DIR'."})
public final class SearchCommand implements Callable<Integer> {
    private final PluginCatalog catalog;
    private final Istanas istanas;

    @Spec
    CommandSpec spec;

    @Option(names = "--strategy", paramLabel = "NAME", defaultValue = SearchBuilder.DEFAULT_STRATEGY,
            description = "Search strategy: two-stage (default), darts, ...")
    String strategy;

    @Option(names = "--solver", paramLabel = "NAME", defaultValue = SearchBuilder.DEFAULT_SOLVER,
            description = "Sparse-coding solver for the recovery of z (default: ${DEFAULT-VALUE}).")
    String solver;

    @Option(names = "--space", paramLabel = "NAME", defaultValue = SearchBuilder.DEFAULT_SPACE,
            description = "Search space: darts (default), nas-bench-201, or a plugin's.")
    String space;

    @Option(names = "--operations", paramLabel = "OP", split = ",",
            description = "Candidate operations of the search, in z order (default: the space's own list). "
                    + "A loaded operation plugin takes part only when named here.")
    java.util.List<String> operations = new java.util.ArrayList<>();

    @Option(names = "--benchmark", paramLabel = "FILE",
            description = "nas-bench-201 only: the NAS-Bench-201 table (NATS-Bench CSV export, docs/spaces.md) to look"
                    + " the derived cell up in after every epoch (metrics.csv columns benchmark_cifar10, _cifar100,"
                    + " _imagenet16, in percent); read and validated before the run starts.")
    java.nio.file.Path benchmark;

    @Option(names = "--seed", defaultValue = "2", description = "Base seed (default: ${DEFAULT-VALUE}, the official code's).")
    long seed;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "1",
            description = "Independent searches with derived seeds; the best by validation accuracy is chosen.")
    int runs;

    @Option(names = "--reevaluate", paramLabel = "N", defaultValue = "0",
            description = "one-stage: retrain the found architecture N more times from scratch and report mean ± std"
                    + " of the N+1 test accuracies (sets the key reevaluate; the paper uses 4).")
    int reevaluate;

    @Option(names = "--print-config", description = "Print the effective configuration (every key, after preset, "
            + "--config and --set) and exit without running; diff two presets with it.")
    boolean printConfig;

    @Option(names = "--run-index", paramLabel = "I", hidden = true,
            description = "Run only run I of --runs N, into --out (how an experiment's trial runs it).")
    Integer runIndex;

    @Mixin
    CommonRunOptions common;

    @Mixin
    ExecutorOptions executor;

    @Inject
    public SearchCommand(Istanas istanas) {
        this.istanas = Objects.requireNonNull(istanas, "istanas is null");
        this.catalog = istanas.catalog();
    }

    @Override
    public Integer call() throws Exception {
        if (runIndex == null && runs > 1) {
            return runsExperiment();
        }
        SearchBuilder search = istanas.search();
        if (runIndex != null) {
            search.onlyRun(runIndex);
        }
        common.datasetOptions.forEach(search::datasetOption);
        if (printConfig) {
            String config = search.strategy(strategy).space(space).solver(solver).preset(common.preset)
                    .configFile(common.configFile).overrides(overrides()).effectiveConfig();
            spec.commandLine().getOut().print(config.endsWith("\n") ? config : config + "\n");
            spec.commandLine().getOut().flush();
            return 0;
        }
        SearchReport report = search.strategy(strategy).space(space).operations(operations).solver(solver)
                .dataset(common.dataset).dataDir(common.dataDir).benchmark(benchmark)
                .preset(common.preset).configFile(common.configFile).overrides(overrides()).seed(seed)
                .runs(runs).out(common.out).listener(Progress.forCommand(common.quiet))
                .run();
        print(spec.commandLine().getOut(), report);
        return 0;
    }

    /**
     * {@code --runs N}: a resumable experiment folder whose N runs are trials, made one after another in this JVM or
     * through {@code --executor}; {@code resume --run PARENT} finishes it after a crash.
     */
    private int runsExperiment() throws Exception {
        ExecutorChoice choice = ExperimentOptions.choice(spec, executor, catalog);
        ExperimentOptions.checkSearch(spec, catalog, strategy, solver, common, overrides());
        List<String> args = new ArrayList<>(List.of("search", "--strategy", strategy, "--solver", solver));
        ExperimentOptions.addCommon(args, common, overrides());
        args.addAll(List.of("--space", space));
        if (!operations.isEmpty()) {
            args.addAll(List.of("--operations", String.join(",", operations)));
        }
        if (benchmark != null) {
            args.addAll(List.of("--benchmark", benchmark.toAbsolutePath().toString()));
        }
        args.addAll(List.of("--seed", Long.toString(seed), "--runs", Integer.toString(runs)));
        Path parent = common.out != null ? common.out : RunsExperiment.defaultFolder(strategy, seed);
        RunsExperiment experiment = RunsExperiment.prepare(parent, RunsExperiment.SEARCH_RUNS, runs, args);
        experiment.run(catalog, choice, Main::run, common.quiet, spec.commandLine().getOut(),
                spec.commandLine().getErr());
        print(spec.commandLine().getOut(), experiment.searchReport());
        return 0;
    }

    /** The --set overrides, plus {@code reevaluate=N} when --reevaluate was given. */
    private java.util.List<String> overrides() {
        java.util.List<String> all = new java.util.ArrayList<>(common.overrides);
        if (reevaluate > 0) {
            all.add("reevaluate=" + reevaluate);
        }
        return all;
    }

    /** The benchmark's accuracies of the found cell, when the run looked them up ({@code --benchmark}). */
    static Optional<String> benchmarkLine(SearchOutcome outcome) {
        return benchmarkLine(outcome.metrics());
    }

    /** The {@code benchmark_*} values of {@code metrics} as one line, when there are any. */
    static Optional<String> benchmarkLine(java.util.Map<String, Double> metrics) {
        List<String> parts = new ArrayList<>();
        for (String dataset : List.of("cifar10", "cifar100", "imagenet16")) {
            Double value = metrics.get("benchmark_" + dataset);
            if (value != null) {
                parts.add(String.format(Locale.ROOT, "%s %.2f %%", dataset, value));
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of("benchmark (200-epoch test accuracy): "
                + String.join(", ", parts));
    }

    static void print(PrintWriter out, SearchReport report) {
        SearchOutcome best = report.best();
        out.println();
        out.print(ArchitectureText.render(best.architecture()));
        benchmarkLine(best).ifPresent(out::println);
        out.println();
        if (report.runs().size() > 1) {
            out.printf(Locale.ROOT, "validation accuracy over %d runs: %s (best: run %d)%n", report.runs().size(),
                    report.validAccuracy().toText(4), report.bestIndex());
            out.println("summary:     " + report.folder().resolve("summary.csv"));
        } else {
            // one-stage has no validation split: its outcome carries the folded network's test accuracy
            out.printf(Locale.ROOT, best.strategy().equals("one-stage") ? "test accuracy (folded network): %.4f%n"
                    : "super-net validation accuracy: %.4f%n", best.validAccuracy());
        }
        out.println("dataset:     " + DatasetLine.of(best.runFolder()));
        out.println("run folder:  " + best.runFolder().toAbsolutePath());
        out.println("genotype:    " + best.runFolder().resolve("genotype.json").toAbsolutePath());
        out.flush();
    }
}
