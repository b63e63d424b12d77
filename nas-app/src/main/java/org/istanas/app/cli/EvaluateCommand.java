package org.istanas.app.cli;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.istanas.api.spi.PluginCatalog;
import org.istanas.app.embed.EvaluationBuilder;
import org.istanas.app.embed.EvaluationReport;
import org.istanas.app.embed.Istanas;
import org.istanas.search.toolkit.eval.EvaluationResult;
import org.istanas.app.Main;
import org.istanas.app.experiment.RunsExperiment;
import org.istanas.app.trial.ExecutorChoice;
import org.istanas.app.trial.ExecutorOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code istanas evaluate}: retrains an architecture from scratch and reports test accuracy. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Retrain an architecture's stand-alone network (a DARTS genotype's target network, a "
                + "NAS-Bench-201 cell's macro network) from scratch on the full training set and report test "
                + "accuracy (mean ± std over --seeds). Saves the trained model; --test-only --run DIR measures it again.")
public final class EvaluateCommand implements Callable<Integer> {
    private final PluginCatalog catalog;
    private final Istanas istanas;

    @Spec
    CommandSpec spec;

    @Option(names = "--genotype", paramLabel = "NAME|FILE",
            description = "Built-in genotype (ISTA_twostage, DARTS_V2, ...; see 'istanas genotype list'), a "
                    + "genotype.json file, or a NAS-Bench-201 string ('|nor_conv_3x3~0|+|...|').")
    String genotype;

    @Option(names = "--space", paramLabel = "NAME",
            description = "Search space of the genotype (default: inferred; darts for built-in names, nas-bench-201 "
                    + "for '|...|' strings, a file's own \"space\" field). Presets are per space.")
    String space;

    @Option(names = "--benchmark", paramLabel = "FILE",
            description = "nas-bench-201 only: the NAS-Bench-201 table (NATS-Bench CSV export, docs/spaces.md) to look "
                    + "the cell up in, so the last lines show its 200-epoch accuracies next to this training's.")
    Path benchmark;

    @Option(names = "--seed", defaultValue = "0", description = "Base seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "1",
            description = "Train N times with derived seeds and report mean ± std (the paper uses 5).")
    int seeds;

    @Option(names = "--test-only", description = "Reload the trained model of --run and measure its test accuracy.")
    boolean testOnly;

    @Option(names = "--run", paramLabel = "DIR", description = "Evaluation run folder for --test-only.")
    Path run;

    @Option(names = "--run-index", paramLabel = "I", hidden = true,
            description = "Train only seed I of --seeds N, into --out (how an experiment's trial runs it).")
    Integer runIndex;

    @Mixin
    CommonRunOptions common;

    @Mixin
    ExecutorOptions executor;

    @Inject
    public EvaluateCommand(Istanas istanas) {
        this.istanas = Objects.requireNonNull(istanas, "istanas is null");
        this.catalog = istanas.catalog();
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (testOnly) {
            if (run == null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--test-only needs --run DIR");
            }
            EvaluationResult r = EvaluationBuilder.testOnly(istanas, run);
            out.printf(Locale.ROOT, "test accuracy of the saved model: %.4f (loss %.4f)%n", r.testAccuracy(), r.testLoss());
            out.flush();
            return 0;
        }
        if (genotype == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--genotype NAME|FILE is required");
        }
        if (runIndex == null && seeds > 1) {
            return seedsExperiment(out);
        }
        EvaluationBuilder builder;
        try {
            builder = istanas.evaluate(genotype, space);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (runIndex != null) {
            builder.onlySeed(runIndex);
        }
        common.datasetOptions.forEach(builder::datasetOption);
        EvaluationReport report = builder.dataset(common.dataset).dataDir(common.dataDir)
                .preset(common.preset == null ? "paper" : common.preset).configFile(common.configFile)
                .overrides(common.overrides).seed(seed).seeds(seeds).out(common.out).benchmark(benchmark)
                .listener(Progress.forCommand(common.quiet)).run();
        print(out, report);
        return 0;
    }

    /**
     * {@code --seeds N}: a resumable experiment folder whose N trainings are trials, made one after another in this
     * JVM or through {@code --executor}; {@code resume --run PARENT} finishes it after a crash.
     */
    private int seedsExperiment(PrintWriter out) throws Exception {
        ExecutorChoice choice = ExperimentOptions.choice(spec, executor, catalog);
        String preset = common.preset == null ? "paper" : common.preset;
        ExperimentOptions.checkEvaluation(spec, catalog, genotype, space, common, preset);
        java.util.Map<String, Double> table = benchmark == null ? java.util.Map.of()
                : istanas.lookUp(benchmark, istanas.evaluate(genotype, space).architecture());
        Path file = Path.of(genotype);
        List<String> args = new ArrayList<>(List.of("evaluate", "--genotype",
                java.nio.file.Files.exists(file) ? file.toAbsolutePath().toString() : genotype));
        ExperimentOptions.addCommon(args, common, common.overrides);
        if (common.preset == null) {
            args.addAll(List.of("--preset", preset));
        }
        if (space != null) {
            args.addAll(List.of("--space", space));
        }
        args.addAll(List.of("--seed", Long.toString(seed), "--seeds", Integer.toString(seeds)));
        Path parent = common.out != null ? common.out : RunsExperiment.defaultFolder("evaluate", seed);
        RunsExperiment experiment = RunsExperiment.prepare(parent, RunsExperiment.EVALUATE_SEEDS, seeds, args);
        experiment.run(catalog, choice, Main::run, common.quiet, out, spec.commandLine().getErr());
        EvaluationReport report = experiment.evaluationReport(catalog::space);
        print(out, new EvaluationReport(report.runs(), report.testAccuracy(), report.folder(), table));
        return 0;
    }

    static void print(PrintWriter out, EvaluationReport report) {
        out.printf(Locale.ROOT, "%ntest accuracy: %s%n", report.testAccuracy().toText(4));
        SearchCommand.benchmarkLine(report.benchmark()).ifPresent(out::println);
        out.printf(Locale.ROOT, "parameters:    %d%n", report.runs().get(0).parameters());
        out.println("dataset:       " + DatasetLine.of(report.runs().get(0).runFolder()));
        out.println("run folder:    " + report.folder().toAbsolutePath());
        out.flush();
    }
}
