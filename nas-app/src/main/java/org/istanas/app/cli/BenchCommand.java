package org.istanas.app.cli;

import java.util.concurrent.Callable;
import org.istanas.ops.bench.StepBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code istanas bench}: engine benchmarks. */
@Command(name = "bench", description = "Benchmarks of the network engine.", mixinStandardHelpOptions = true,
        subcommands = BenchCommand.Step.class)
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
                    seed, json, rssEvery);
            StepBenchmark.print(StepBenchmark.run(options), System.out);
            return 0;
        }
    }
}
