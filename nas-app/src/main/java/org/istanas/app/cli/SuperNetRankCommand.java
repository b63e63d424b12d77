package org.istanas.app.cli;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.istanas.app.embed.Istanas;
import org.istanas.app.ranking.SuperNetRanking;
import org.istanas.metrics.benchmark.BenchmarkDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code istanas supernet-rank}: the super-net's ranking of sampled NAS-Bench-201 cells against the table's. */
@Command(name = "supernet-rank", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Scores K cells drawn from the NAS-Bench-201 table with a search run's trained super-net (only "
                + "each cell's operations computed, on the run's validation split) and reports Kendall tau-b and "
                + "Spearman rho against the table; writes pairs.csv and scatter.png/.svg.")
public final class SuperNetRankCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--run", required = true, paramLabel = "DIR",
            description = "A two-stage or darts search run of the nas-bench-201 space (its newest checkpoint is used).")
    Path run;

    @Option(names = "--benchmark", required = true, paramLabel = "FILE", description = "The NAS-Bench-201 table.")
    Path table;

    @Option(names = "--sample", paramLabel = "K", defaultValue = "50",
            description = "Cells to draw from the table (default: ${DEFAULT-VALUE}).")
    int sample;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the draw (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--bn", paramLabel = "batch|running", defaultValue = "batch",
            description = "BN statistics when scoring: batch (recomputed from each batch, as NATS-Bench scores one-shot "
                    + "cells; default) or running (the super-net's, accumulated over mixed supports).")
    String bn;

    @Option(names = "--against", paramLabel = "DATASET", defaultValue = "cifar10",
            description = "Table column to rank against: cifar10 (default), cifar100 or imagenet16.")
    String against;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder for pairs.csv and the scatter plot (default: RUN/supernet-rank).")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "No progress output.")
    boolean quiet;

    private final Istanas istanas;

    @Inject
    public SuperNetRankCommand(Istanas istanas) {
        this.istanas = Objects.requireNonNull(istanas, "istanas is null");
    }

    @Override
    public Integer call() throws Exception {
        if (!bn.equals("batch") && !bn.equals("running")) {
            throw new org.istanas.api.UsageException("--bn must be batch or running, got '" + bn + "'");
        }
        BenchmarkDataset dataset = BenchmarkDataset.parse(against);
        SuperNetRanking.Result r = new SuperNetRanking(istanas).run(run, table, sample, seed, bn.equals("batch"),
                dataset, out != null ? out : run.resolve("supernet-rank"), Progress.forCommand(quiet));
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "%d cells scored by the super-net of %s (%d epochs trained, %d validation images, %s BN)%n",
                r.pairs().size(), run, r.epochsTrained(), r.images(), bn);
        o.printf(Locale.ROOT, "Kendall tau-b %.4f   Spearman rho %.4f   (against the table's %s test accuracy)%n",
                r.kendallTauB(), r.spearmanRho(), dataset.id());
        o.println("pairs:   " + r.folder().resolve("pairs.csv"));
        o.println("scatter: " + r.folder().resolve("scatter.png"));
        o.flush();
        return 0;
    }
}
