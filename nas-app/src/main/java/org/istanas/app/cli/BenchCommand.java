package org.istanas.app.cli;

import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.istanas.app.embed.Istanas;
import org.istanas.app.embed.ModelExport;
import org.istanas.ops.bench.ExportBenchmark;
import org.istanas.ops.bench.OneStageBenchmark;
import org.istanas.ops.bench.StepBenchmark;
import org.istanas.ops.export.ExportMetadata;
import org.istanas.api.network.ExportResult;
import org.istanas.api.network.TargetNetwork;
import org.istanas.search.toolkit.eval.Evaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code istanas bench}: engine benchmarks. */
@Command(name = "bench", description = "Benchmarks of the network engine.", mixinStandardHelpOptions = true,
        subcommands = {BenchCommand.Step.class, BenchTrainCommand.class, BenchCommand.OneStage.class,
                BenchCommand.Export.class})
public final class BenchCommand {
    /** {@code istanas bench step}: times one two-stage search step on random data. */
    @Command(name = "step", mixinStandardHelpOptions = true,
            description = "Times one two-stage search step on random data: forward+backward on a validation batch "
                    + "and an Adam step on b, then forward+backward on a training batch, gradient clipping and an "
                    + "SGD step on the weights. Prints median and min ms per step, images/s and peak RSS.")
    public static final class Step implements Callable<Integer> {
        @Option(names = "--mode", defaultValue = "sparse",
                description = "sparse (ISTA-NAS) or dense (DARTS) (default: ${DEFAULT-VALUE})")
        String mode;

        @Option(names = "--batch", defaultValue = "64", description = "images per batch (default: ${DEFAULT-VALUE})")
        int batch;

        @Option(names = "--channels", defaultValue = "16", description = "initial channels (default: ${DEFAULT-VALUE})")
        int channels;

        @Option(names = "--layers", defaultValue = "8", description = "cells (default: ${DEFAULT-VALUE})")
        int layers;

        @Option(names = "--steps", defaultValue = "5",
                description = "timed steps (after the warm-up steps) (default: ${DEFAULT-VALUE})")
        int steps;

        @Option(names = "--warmup", defaultValue = "2",
                description = "untimed warm-up steps (default: ${DEFAULT-VALUE})")
        int warmup;

        @Option(names = "--seed", defaultValue = "0",
                description = "seed of data, supports and weights (default: ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--rss-every", defaultValue = "0",
                description = "record RSS every N steps (0 = off) (default: ${DEFAULT-VALUE})")
        int rssEvery;

        @Option(names = "--support-genotype", paramLabel = "NAME|FILE",
                description = "sparse mode: each node's support = the (operation, input) pairs of this genotype "
                        + "(built-in name or JSON file), as torch_reference.py --support-genotype")
        String supportGenotype;

        @Option(names = "--supports", paramLabel = "FILE", description = "sparse mode: each node's support from a "
                + "JSON file {\"normal\": [[k, ...] x 4], \"reduce\": [...]}, k = input * 7 + op index")
        String supportsFile;

        @Option(names = "--json", description = "print one JSON line")
        boolean json;

        @Override
        public Integer call() {
            OptionBounds.check("--batch", batch, 1, OptionBounds.MAX_BATCH);
            OptionBounds.check("--channels", channels, 1, OptionBounds.MAX_BENCH_CHANNELS);
            OptionBounds.check("--layers", layers, 1, OptionBounds.MAX_BENCH_LAYERS);
            OptionBounds.check("--steps", steps, 1, 1_000_000);
            OptionBounds.check("--warmup", warmup, 0, 1_000_000);
            StepBenchmark.Options options = new StepBenchmark.Options(mode, batch, channels, layers, steps, warmup,
                    seed, json, rssEvery, StepBenchmark.supports(supportGenotype, supportsFile));
            StepBenchmark.print(StepBenchmark.run(options), System.out);
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Inference time per image of a trained network exported to SameDiff against the engine's"
                    + " own forward pass (alternated passes, medians, load average).")
    public static final class Export implements Callable<Integer> {
        @Option(names = "--run", paramLabel = "DIR", required = true,
                description = "evaluation folder or one-stage run with trained weights")
        Path run;

        @Option(names = "--batch", defaultValue = "64", description = "images per pass (default: ${DEFAULT-VALUE})")
        int batch;

        @Option(names = "--repeats", defaultValue = "10",
                description = "timed passes of each (default: ${DEFAULT-VALUE})")
        int repeats;

        private final Istanas istanas;

        @Inject
        Export(Istanas istanas) {
            this.istanas = Objects.requireNonNull(istanas, "istanas is null");
        }

        @Override
        public Integer call() throws Exception {
            Path dir = Files.createTempDirectory("istanas-bench-export");
            Path model = dir.resolve("model.zip");
            try {
                ExportResult exported = istanas.exportModel(run).to(model);
                ModelExport.Trained trained = istanas.exportModel(run).load();
                try (TargetNetwork network = trained.network()) {
                    System.out.printf(Locale.ROOT, "exported file: %,d bytes; engine state %s: %,d bytes%n",
                            exported.modelBytes(), Evaluation.MODEL, Files.size(trained.folder().file(Evaluation.MODEL)));
                    ExportBenchmark.print(ExportBenchmark.run(network,
                            org.istanas.data.pipeline.Augmentation.networkInput(trained.dataset()), model.toFile(),
                            batch, repeats, 0), System.out);
                }
            } finally {
                Files.deleteIfExists(model);
                Files.deleteIfExists(ExportMetadata.sidecar(model));
                Files.deleteIfExists(dir);
            }
            return 0;
        }
    }

    /** {@code istanas bench onestage}: times one one-stage search step on random data. */
    @Command(name = "onestage", mixinStandardHelpOptions = true,
            description = "Times one one-stage ISTA-NAS step on random data (defaults: the paper's size): forward and "
                    + "backward of a training batch with the auxiliary head, an Adam step on b, gradient clipping of "
                    + "weights and b, an SGD step. Prints median and min ms per step, images/s and peak RSS.")
    public static final class OneStage implements Callable<Integer> {
        @Option(names = "--batch", defaultValue = "96", description = "images per batch (default: ${DEFAULT-VALUE})")
        int batch;

        @Option(names = "--channels", defaultValue = "36", description = "initial channels (default: ${DEFAULT-VALUE})")
        int channels;

        @Option(names = "--layers", defaultValue = "20", description = "cells (default: ${DEFAULT-VALUE})")
        int layers;

        @Option(names = "--aux-weight", defaultValue = "0.4",
                description = "auxiliary head weight (0 = no head) (default: ${DEFAULT-VALUE})")
        double auxWeight;

        @Option(names = "--steps", defaultValue = "3",
                description = "timed steps (after the warm-up steps) (default: ${DEFAULT-VALUE})")
        int steps;

        @Option(names = "--warmup", defaultValue = "1",
                description = "untimed warm-up steps (default: ${DEFAULT-VALUE})")
        int warmup;

        @Option(names = "--seed", defaultValue = "0",
                description = "seed of data, supports and weights (default: ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--support-genotype", paramLabel = "NAME|FILE",
                description = "each node's support = the pairs of this genotype (default: random top-2 supports)")
        String supportGenotype;

        @Option(names = "--supports", paramLabel = "FILE", description = "each node's support from a JSON file")
        String supportsFile;

        @Option(names = "--json", description = "print one JSON line")
        boolean json;

        @Override
        public Integer call() {
            OneStageBenchmark.Options options = new OneStageBenchmark.Options(batch, channels, layers, auxWeight,
                    steps, warmup, seed, json, StepBenchmark.supports(supportGenotype, supportsFile));
            OneStageBenchmark.print(OneStageBenchmark.run(options), System.out);
            return 0;
        }
    }
}
