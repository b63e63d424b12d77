package org.istanas.app.cli;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.istanas.api.run.RunFolder;
import org.istanas.api.spi.PluginCatalog;
import org.istanas.app.consistency.ConsistencyExperiment;
import org.istanas.app.consistency.ConsistencyPair;
import org.istanas.app.consistency.ConsistencyReport;
import org.istanas.app.consistency.ConsistencySpec;
import org.istanas.app.consistency.ConsistencyTrials;
import org.istanas.app.consistency.TrialsOnly;
import org.istanas.app.consistency.Correlation;
import org.istanas.app.consistency.IstanasTrialRunner;
import org.istanas.app.embed.Istanas;
import org.istanas.app.embed.SearchBuilder;
import org.istanas.app.trial.ExecutorChoice;
import org.istanas.app.trial.ExecutorOptions;
import org.istanas.metrics.RankCorrelation;
import org.istanas.search.toolkit.eval.EvaluationPresets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code istanas consistency}: correlation of search-time and stand-alone accuracy over several searches. */
@Command(name = "consistency", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run N searches with derived seeds, retrain each genotype found, and report Kendall's τ "
                + "(and Spearman's ρ, with p-values) between the super-net validation accuracy of the search and "
                + "the stand-alone test accuracy.",
                "Writes pairs.csv, scatter.png and summary.json to the experiment folder. Run the same command "
                        + "again to continue an interrupted experiment: finished runs are reused, unfinished ones "
                        + "resumed from their checkpoints; a larger --runs extends it."})
public final class ConsistencyCommand implements Callable<Integer> {
    private final PluginCatalog catalog;
    private final Istanas istanas;

    @Spec
    CommandSpec spec;

    @Option(names = "--strategy", paramLabel = "NAME", defaultValue = SearchBuilder.DEFAULT_STRATEGY,
            description = "Search strategy: two-stage (default) or darts (any strategy plugin works).")
    String strategy;

    @Option(names = "--runs", paramLabel = "N", required = true,
            description = "Number of searches (each then evaluated).")
    int runs;

    @Option(names = "--preset", paramLabel = "NAME", defaultValue = "paper",
            description = "Preset of both the searches and the evaluations: paper (default), cpu or smoke.")
    String preset;

    @Option(names = "--dataset", paramLabel = "NAME",
            description = "Dataset plugin (default: the built-in synthetic images, with a warning).")
    String dataset;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Directory holding the dataset's files.")
    Path dataDir;

    @Option(names = "--dataset-option", paramLabel = "KEY=VALUE", description = "Dataset provider option (repeatable).")
    Map<String, String> datasetOptions = new LinkedHashMap<>();

    @Option(names = "--solver", paramLabel = "NAME", defaultValue = SearchBuilder.DEFAULT_SOLVER,
            description = "Sparse-coding solver of the searches (default: ${DEFAULT-VALUE}).")
    String solver;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "2",
            description = "Base seed of the searches; run i uses the seed 'search --runs' gives its run i "
                    + "(default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--eval-seed", paramLabel = "SEED", defaultValue = "0",
            description = "Seed of every evaluation, the same for all genotypes (default: ${DEFAULT-VALUE}).")
    long evalSeed;

    @Option(names = "--method", paramLabel = "NAME", defaultValue = "kendall-b",
            description = "Headline coefficient: kendall-b (default), kendall-a or spearman; all are in summary.json.")
    String method;

    @Option(names = "--search-set", paramLabel = "KEY=VALUE",
            description = "Search configuration key, applied last to every search (repeatable).")
    List<String> searchOverrides = new ArrayList<>();

    @Option(names = "--eval-set", paramLabel = "KEY=VALUE",
            description = "Evaluation configuration key, applied last to every evaluation (repeatable).")
    List<String> evalOverrides = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR",
            description = "Experiment folder (default: runs/consistency-<strategy>-<time>-s<seed>); an existing "
                    + "experiment folder is continued.")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "No progress output.")
    boolean quiet;

    @picocli.CommandLine.Mixin
    ExecutorOptions executor;

    @Inject
    public ConsistencyCommand(Istanas istanas) {
        this.istanas = Objects.requireNonNull(istanas, "istanas is null");
        this.catalog = istanas.catalog();
    }

    @Override
    public Integer call() throws Exception {
        if (runs < 1) {
            throw new ParameterException(spec.commandLine(), "--runs must be at least 1, got " + runs);
        }
        RankCorrelation headline;
        try {
            headline = RankCorrelation.fromId(method);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--method: " + e.getMessage());
        }
        checkPreset();
        if (dataset == null) { // issue 15 item 1: a data directory alone would be read as synthetic data
            if (dataDir != null) {
                throw new ParameterException(spec.commandLine(), SearchBuilder.dataDirectoryWithoutDataset(dataDir));
            }
            org.slf4j.LoggerFactory.getLogger(ConsistencyCommand.class).warn("no dataset was named: using the "
                    + "built-in {} images, generated patterns, not a benchmark; name one with --dataset",
                    SearchBuilder.DEFAULT_DATASET);
            dataset = SearchBuilder.DEFAULT_DATASET;
        }
        ConsistencySpec settings = new ConsistencySpec(strategy, runs, preset, dataset, dataDir, datasetOptions, solver,
                seed, evalSeed, headline, searchOverrides, evalOverrides);
        Path folder = out != null ? out
                : RunFolder.newDirectory(Path.of("runs"), "consistency-" + strategy, seed, Instant.now());
        ExecutorChoice choice = executorChoice();
        ConsistencyReport report;
        if (choice == null) {
            report = new ConsistencyExperiment(settings, new IstanasTrialRunner(istanas, settings), folder,
                    Progress.forCommand(quiet)).run();
        } else {
            // the trials run elsewhere; this JVM only reads their run folders, all finished by then
            ConsistencyExperiment experiment = new ConsistencyExperiment(settings, TrialsOnly.RUNNER, folder,
                    Progress.forCommand(quiet));
            experiment.prepare();
            choice.run(catalog, folder, ConsistencyTrials.plan(settings, folder), spec.commandLine().getOut(),
                    quiet ? new PrintWriter(java.io.OutputStream.nullOutputStream()) : spec.commandLine().getErr());
            report = experiment.run();
        }
        print(spec.commandLine().getOut(), report, choice != null);
        return 0;
    }

    private ExecutorChoice executorChoice() {
        try {
            ExecutorChoice choice = executor.choice();
            if (choice != null) {
                choice.resolve(catalog);
            }
            return choice;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** Both the strategy and the evaluation must know the preset; fail before any training otherwise. */
    private void checkPreset() {
        List<String> searchPresets = catalog.strategy(strategy).presets();
        if (!searchPresets.contains(preset) || !EvaluationPresets.names().contains(preset)) {
            List<String> both = searchPresets.stream().filter(EvaluationPresets.names()::contains).toList();
            throw new ParameterException(spec.commandLine(), "--preset '" + preset + "' must be a preset of both "
                    + "strategy " + strategy + " and evaluate; choose one of " + both);
        }
    }

    static void print(PrintWriter out, ConsistencyReport report, boolean trialsRanElsewhere) {
        out.println();
        out.printf(Locale.ROOT, "%-4s %-20s %-10s %-10s%n", "run", "seed", "search", "evaluation");
        for (ConsistencyPair p : report.pairs()) {
            out.printf(Locale.ROOT, "%-4d %-20d %-10.4f %-10.4f%n", p.run(), p.seed(), p.searchAccuracy(),
                    p.evaluationAccuracy());
        }
        out.println();
        out.println(report.headline().toText());
        for (Correlation c : report.correlations().values()) {
            if (c.method() != report.spec().method()) {
                out.println(c.toText());
            }
        }
        out.printf(Locale.ROOT, "search accuracy:     %s%n", report.searchAccuracy().toText(4));
        out.printf(Locale.ROOT, "evaluation accuracy: %s%n", report.evaluationAccuracy().toText(4));
        if (report.reused() > 0 && !trialsRanElsewhere) {
            out.printf(Locale.ROOT, "reused %d finished run(s), trained or resumed %d%n", report.reused(),
                    report.trained());
        }
        out.println("pairs:   " + report.pairsCsv().toAbsolutePath());
        out.println("plot:    " + report.scatterPng().toAbsolutePath());
        out.println("summary: " + report.summaryJson().toAbsolutePath());
        out.flush();
    }
}
