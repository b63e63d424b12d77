package org.istanas.metrics.benchmark;

import java.util.Locale;

/** The three datasets of the NAS-Bench-201 table, with the metrics.csv column and the CSV column of each. */
public enum BenchmarkDataset {
    CIFAR10("benchmark_cifar10", "CIFAR10TestAccuracy200Epochs"),
    CIFAR100("benchmark_cifar100", "CIFAR100TestAccuracy200Epochs"),
    IMAGENET16("benchmark_imagenet16", "ImageNetTestAccuracy200Epochs");

    private final String metricsColumn;
    private final String csvColumn;

    BenchmarkDataset(String metricsColumn, String csvColumn) {
        this.metricsColumn = metricsColumn;
        this.csvColumn = csvColumn;
    }

    /** Column name in a run's metrics.csv, e.g. {@code benchmark_cifar10}. */
    public String metricsColumn() {
        return metricsColumn;
    }

    /** Column name in the benchmark CSV export. */
    public String csvColumn() {
        return csvColumn;
    }

    /** Parses {@code cifar10}, {@code cifar100} or {@code imagenet16} (any case). */
    public static BenchmarkDataset parse(String name) {
        for (BenchmarkDataset d : values()) {
            if (d.name().equalsIgnoreCase(name) || d.metricsColumn.equalsIgnoreCase(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown benchmark dataset '" + name + "'; known: [cifar10, cifar100, "
                + "imagenet16]");
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
