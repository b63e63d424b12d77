package org.istanas.app.cli;

import java.util.concurrent.Callable;
import org.istanas.ops.bench.TrainBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code istanas bench train}: times one retraining step of a target network on random data. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Times one retraining step of a genotype's target network on random data: forward with "
                + "drop-path, main + auxiliary loss, backward, gradient clipping to 5 and an SGD step. Prints median "
                + "and min ms per step, images/s and peak RSS. With --epochs N it replays N evaluation epochs "
                + "(--steps training steps, a smaller last batch, --test-batches test batches and a smaller last "
                + "one) and reports the RSS after each epoch.")
public final class BenchTrainCommand implements Callable<Integer> {
    @Option(names = "--genotype", defaultValue = "DARTS_V2",
            description = "built-in genotype or genotype.json (default: ${DEFAULT-VALUE})")
    String genotype;

    @Option(names = "--layers", defaultValue = "20", description = "cells (default: ${DEFAULT-VALUE})")
    int layers;

    @Option(names = "--channels", defaultValue = "36", description = "initial channels (default: ${DEFAULT-VALUE})")
    int channels;

    @Option(names = "--batch", defaultValue = "96", description = "images per batch (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--aux-weight", defaultValue = "0.4",
            description = "auxiliary head weight (0 = no head) (default: ${DEFAULT-VALUE})")
    double auxWeight;

    @Option(names = "--drop-path", defaultValue = "0.2",
            description = "drop-path probability (default: ${DEFAULT-VALUE})")
    double dropPath;

    @Option(names = "--steps", defaultValue = "5",
            description = "timed steps (per epoch with --epochs) (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--warmup", defaultValue = "1", description = "untimed warm-up steps (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--epochs", defaultValue = "0",
            description = "replayed evaluation epochs (0 = timing only) (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--test-batches", defaultValue = "4",
            description = "full test batches per replayed epoch (default: ${DEFAULT-VALUE})")
    int testBatches;

    @Option(names = "--seed", defaultValue = "0",
            description = "seed of data, weights and drop-path (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--json", description = "print one JSON line")
    boolean json;

    @Override
    public Integer call() {
        TrainBenchmark.Options options = new TrainBenchmark.Options(genotype, layers, channels, batch, auxWeight,
                dropPath, steps, warmup, epochs, testBatches, seed, json);
        TrainBenchmark.print(TrainBenchmark.run(options), System.out);
        return 0;
    }
}
