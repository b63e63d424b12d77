package org.istanas.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.istanas.api.space.nb201.Nb201ArchString;
import org.istanas.api.space.nb201.Nb201Cell;
import org.istanas.metrics.benchmark.BenchmarkDataset;
import org.istanas.metrics.benchmark.BenchmarkEntry;
import org.istanas.metrics.benchmark.BenchmarkStats;
import org.istanas.metrics.benchmark.BenchmarkTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code istanas benchmark stats --table FILE [--arch ARCH]}: best, median and where an architecture ranks. */
@Command(name = "stats", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Per dataset: the best cell, the median and mean accuracy, and (with --arch) the given "
                + "cell's accuracy, rank and percentile (share of cells at most as accurate).")
public final class BenchmarkStatsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--table", required = true, paramLabel = "FILE", description = "The benchmark CSV export.")
    Path table;

    @Option(names = "--arch", paramLabel = "ARCH", description = "An architecture string to place in the table.")
    String arch;

    @Override
    public Integer call() {
        Nb201Cell cell = arch == null ? null : Nb201ArchString.parse(arch, "--arch");
        BenchmarkTable read = BenchmarkTable.read(table);
        PrintWriter out = spec.commandLine().getOut();
        out.println("table: " + table + " (" + read.entries().size() + " cells)");
        for (BenchmarkDataset dataset : BenchmarkDataset.values()) {
            BenchmarkStats stats = new BenchmarkStats(read, dataset);
            BenchmarkEntry best = stats.best();
            out.printf(Locale.ROOT, "%-10s best %.2f (index %d, %s)  median %.2f  mean %.2f%n", dataset.id(),
                    best.accuracy(dataset), best.index(), best.cell().arch(), stats.median(), stats.mean());
            if (cell != null) {
                double accuracy = read.lookup(cell).accuracy(dataset);
                out.printf(Locale.ROOT, "%-10s arch %.2f  rank %d of %d  percentile %.2f%n", "", accuracy,
                        stats.rank(accuracy), read.entries().size(), stats.percentile(accuracy));
            }
        }
        out.flush();
        return 0;
    }
}
