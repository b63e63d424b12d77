package org.istanas.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.istanas.api.run.Seeds;
import org.istanas.metrics.SeedSummary;
import org.istanas.metrics.benchmark.BenchmarkDataset;
import org.istanas.metrics.benchmark.BenchmarkTable;
import org.istanas.metrics.benchmark.TableSearch;
import org.istanas.metrics.benchmark.TableSearchResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code istanas benchmark search --table FILE --method random|evolution --budget N [--runs R] [--seed S]}: the
 * multi-trial baselines on the table alone, with the found cells' accuracies on all three datasets.
 */
@Command(name = "search", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Random search or regularised evolution (REA) on the table alone; the budget counts table "
                + "queries. Selects on the table's CIFAR-10 test accuracy (the export has no validation column).",
        footer = {"", "Example: istanas benchmark search --table nb201.csv --method evolution --budget 150 --runs 100"})
public final class BenchmarkSearchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--table", required = true, paramLabel = "FILE", description = "The benchmark CSV export.")
    Path table;

    @Option(names = "--method", required = true, paramLabel = "random|evolution",
            description = "random (distinct uniform cells) or evolution (regularised evolution).")
    String method;

    @Option(names = "--budget", required = true, paramLabel = "N", description = "Table queries per run.")
    int budget;

    @Option(names = "--runs", paramLabel = "R", defaultValue = "1", description = "Independent runs (default 1).")
    int runs;

    @Option(names = "--seed", defaultValue = "2", description = "Base seed; run i uses a seed derived from it.")
    long seed;

    @Option(names = "--population", defaultValue = "20", description = "REA population (default 20).")
    int population;

    @Option(names = "--sample", defaultValue = "5", description = "REA tournament size (default 5).")
    int sample;

    @Override
    public Integer call() {
        if (!method.equals("random") && !method.equals("evolution")) {
            throw new IllegalArgumentException("--method must be random or evolution, got '" + method + "'");
        }
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be >= 1, got " + runs);
        }
        TableSearch search = new TableSearch(BenchmarkTable.read(table), BenchmarkDataset.CIFAR10);
        List<TableSearchResult> results = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long runSeed = Seeds.forRun(seed, i);
            results.add(method.equals("random") ? search.random(budget, runSeed)
                    : search.evolution(budget, population, sample, runSeed));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s, %d queries per run, %d run(s), base seed %d%n", method, budget, runs, seed);
        if (runs == 1) {
            out.println("best cell: " + results.get(0).best().cell().arch() + " (index " + results.get(0).best().index()
                    + ")");
        }
        for (BenchmarkDataset dataset : BenchmarkDataset.values()) {
            double[] values = results.stream().mapToDouble(r -> r.best().accuracy(dataset)).toArray();
            out.printf(Locale.ROOT, "%-10s %s%n", dataset.id(), SeedSummary.of(values).toText(2));
        }
        out.flush();
        return 0;
    }
}
