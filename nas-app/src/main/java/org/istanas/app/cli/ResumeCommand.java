package org.istanas.app.cli;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.List;
import java.util.concurrent.Callable;
import org.istanas.api.genotype.GenotypeText;
import org.istanas.api.search.SearchOutcome;
import org.istanas.api.spi.PluginCatalog;
import org.istanas.app.embed.Istanas;
import org.istanas.search.toolkit.eval.EvaluationResult;
import org.istanas.app.Main;
import org.istanas.app.experiment.RunsExperiment;
import org.istanas.app.trial.ExecutorChoice;
import org.istanas.app.trial.ExecutorOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code istanas resume --run DIR}: continues an interrupted search or evaluation from its last checkpoint. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Continue an interrupted search or evaluation (also after kill -9) from its last checkpoint. "
                + "The resumed run ends with exactly the genotype and metrics of an uninterrupted run. The parent "
                + "folder of 'search --runs N' or 'evaluate --seeds N' is continued as a whole: missing runs are "
                + "made, the interrupted one resumed, and the summary written.")
public final class ResumeCommand implements Callable<Integer> {
    private final PluginCatalog catalog;
    private final Istanas istanas;

    @Spec
    CommandSpec spec;

    @Option(names = "--run", paramLabel = "DIR", required = true, description = "The run folder to continue.")
    Path run;

    @Option(names = {"-q", "--quiet"}, description = "No progress output.")
    boolean quiet;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Change a setting from the checkpoint on "
            + "(repeatable): only keys the loop reads afresh, e.g. learningRate, archLearningRate, gradClip, epochs "
            + "(the full list is in the error for any other key). Written to config.yaml and recorded in "
            + "provenance.json with the epoch it takes effect.")
    List<String> overrides = new java.util.ArrayList<>();

    @picocli.CommandLine.Mixin
    ExecutorOptions executor;

    @Inject
    public ResumeCommand(Istanas istanas) {
        this.istanas = Objects.requireNonNull(istanas, "istanas is null");
        this.catalog = istanas.catalog();
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        RunsExperiment experiment = RunsExperiment.open(run);
        if (experiment != null && !overrides.isEmpty()) {
            throw new org.istanas.api.UsageException("resume --set changes one run folder; " + run + " is the parent of"
                    + " several runs: give one of its run folders");
        }
        if (experiment != null) {
            // the parent of search --runs N or evaluate --seeds N: finish the missing runs, then the summary
            ExecutorChoice choice = ExperimentOptions.choice(spec, executor, catalog);
            experiment.run(catalog, choice, Main::run, quiet, out, spec.commandLine().getErr());
            if (experiment.kind().equals(RunsExperiment.SEARCH_RUNS)) {
                SearchCommand.print(out, experiment.searchReport());
            } else {
                EvaluateCommand.print(out, experiment.evaluationReport(catalog::space));
            }
            return 0;
        }
        if (istanas.runKind(run).equals("evaluate")) {
            EvaluationResult r = istanas.resumeEvaluation(run, Progress.forCommand(quiet), overrides);
            out.printf(Locale.ROOT, "test accuracy: %.4f%ndataset:       %s%nrun folder:    %s%n", r.testAccuracy(),
                    DatasetLine.of(r.runFolder()), r.runFolder().toAbsolutePath());
        } else {
            SearchOutcome o = istanas.resumeSearch(run, Progress.forCommand(quiet), overrides);
            out.println();
            out.print(ArchitectureText.render(o.architecture()));
            SearchCommand.benchmarkLine(o).ifPresent(out::println);
            out.printf(Locale.ROOT, o.strategy().equals("one-stage") ? "%ntest accuracy (folded network): %.4f%n"
                    : "%nsuper-net validation accuracy: %.4f%n", o.validAccuracy());
            out.println("dataset:     " + DatasetLine.of(o.runFolder()));
            out.println("run folder:  " + o.runFolder().toAbsolutePath());
        }
        out.flush();
        return 0;
    }
}
