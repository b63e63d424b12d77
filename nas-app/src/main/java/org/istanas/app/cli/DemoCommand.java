package org.istanas.app.cli;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.istanas.api.genotype.GenotypeText;
import org.istanas.api.run.ProgressListener;
import org.istanas.api.run.RunFolder;
import org.istanas.api.search.SearchOutcome;
import org.istanas.app.embed.EvaluationReport;
import org.istanas.app.embed.Istanas;
import org.istanas.app.embed.SearchReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code istanas demo}: the whole pipeline in a few minutes on two CPU cores, with no data to download: a two-stage
 * ISTA-NAS search on the embedded synthetic dataset (preset {@code demo}), then a short retraining of the found cell.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run a complete two-stage ISTA-NAS search on the embedded synthetic dataset (a few minutes on "
                + "2 cores), draw the two cells found, and retrain the cell briefly to measure it.")
public final class DemoCommand implements Callable<Integer> {
    /** Synthetic images generated for the demo (train / test). */
    static final String TRAIN_SIZE = "1000";
    static final String TEST_SIZE = "200";

    private final Istanas istanas;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "Run folder (default: runs/demo-<time>-s<seed>).")
    Path outDir;

    @Option(names = "--seed", defaultValue = "2", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--skip-evaluation", description = "Stop after the search.")
    boolean skipEvaluation;

    @Option(names = {"-q", "--quiet"}, description = "No progress output.")
    boolean quiet;

    @Inject
    public DemoCommand(Istanas istanas) {
        this.istanas = Objects.requireNonNull(istanas, "istanas is null");
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path folder = outDir != null ? outDir : RunFolder.newDirectory(Path.of("runs"), "demo", seed, Instant.now());
        out.println("ISTA-NAS demo: two-stage search on the embedded synthetic dataset (10 classes of 32x32 images).");
        out.println("Every architecture step trains exactly 2 operations per node; the cell is recovered by sparse coding");
        out.println("after every epoch. Run folder: " + folder.toAbsolutePath());
        out.flush();
        ProgressListener progress = Progress.forCommand(quiet);
        SearchReport search = istanas.search().strategy("two-stage").dataset("synthetic")
                .datasetOption("trainSize", TRAIN_SIZE).datasetOption("testSize", TEST_SIZE)
                .preset("demo").seed(seed).out(folder.resolve("search")).listener(progress).run();
        SearchOutcome found = search.best();
        out.println();
        out.println("Cells found:");
        out.print(GenotypeText.render(found.genotype()));
        out.printf(Locale.ROOT, "%nsuper-net validation accuracy: %.3f%n", found.validAccuracy());
        out.println("search run folder: " + found.runFolder().toAbsolutePath());
        out.flush();
        if (!skipEvaluation) {
            out.println();
            out.println("Retraining a small network of the found cell from scratch (preset smoke) ...");
            out.flush();
            try {
                EvaluationReport evaluation = istanas.evaluate(found.genotype()).dataset("synthetic")
                        .datasetOption("trainSize", TRAIN_SIZE).datasetOption("testSize", TEST_SIZE)
                        .preset("smoke").set("layers", 3).set("channels", 8).set("trainImages", 0)
                        .set("testImages", 0).set("epochs", 5).set("learningRate", 0.05).set("cutout", 0)
                        .set("auxiliaryWeight", 0.0).seed(seed).out(folder.resolve("evaluation")).listener(progress)
                        .run();
                out.printf(Locale.ROOT, "test accuracy of the found cell: %.3f (%d parameters, chance 0.100)%n",
                        evaluation.runs().get(0).testAccuracy(), evaluation.runs().get(0).parameters());
                out.println("evaluation run folder: " + evaluation.folder().toAbsolutePath());
            } catch (UnsupportedOperationException e) {
                out.println("evaluation skipped: this engine build cannot build target networks yet (" + e.getMessage()
                        + ")");
            }
        }
        out.println();
        out.println("Next: 'istanas search --preset cpu --dataset cifar10 --data-dir DIR' for a real search,");
        out.println("'istanas evaluate --genotype " + found.runFolder().resolve("genotype.json") + "' to evaluate it.");
        out.flush();
        return 0;
    }
}
