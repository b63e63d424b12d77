package org.istanas.metrics.benchmark;

import java.util.Objects;
import org.istanas.api.space.nb201.Nb201Cell;

/**
 * One row of the NAS-Bench-201 table: a cell, its index and the mean test accuracies (percent) after 200 epochs.
 *
 * @param uniqueString the table's {@code UniqueString} (the official isomorphism class), kept as read
 */
public record BenchmarkEntry(int index, Nb201Cell cell, double cifar10, double cifar100, double imagenet16,
                             String uniqueString) {
    public BenchmarkEntry {
        Objects.requireNonNull(cell, "cell is null");
        Objects.requireNonNull(uniqueString, "uniqueString is null");
    }

    public double accuracy(BenchmarkDataset dataset) {
        return switch (dataset) {
            case CIFAR10 -> cifar10;
            case CIFAR100 -> cifar100;
            case IMAGENET16 -> imagenet16;
        };
    }
}
