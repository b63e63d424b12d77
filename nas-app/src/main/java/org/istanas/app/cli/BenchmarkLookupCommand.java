package org.istanas.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.istanas.api.space.nb201.Nb201ArchString;
import org.istanas.api.space.nb201.Nb201Cell;
import org.istanas.metrics.benchmark.BenchmarkEntry;
import org.istanas.metrics.benchmark.BenchmarkTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code istanas benchmark lookup --table FILE ARCH...}: index and accuracies of each architecture string. */
@Command(name = "lookup", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Print index and the table's CIFAR-10 / CIFAR-100 / ImageNet16-120 test accuracies (percent) "
                + "of each architecture, tab-separated.",
        footer = {"", "Example: istanas benchmark lookup --table nb201.csv "
                + "'|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|'"})
public final class BenchmarkLookupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--table", required = true, paramLabel = "FILE", description = "The benchmark CSV export.")
    Path table;

    @Parameters(paramLabel = "ARCH", arity = "1..*", description = "Architecture strings |op~0|+|op~0|op~1|+|...|.")
    List<String> architectures;

    @Override
    public Integer call() {
        List<Nb201Cell> cells = architectures.stream().map(a -> Nb201ArchString.parse(a, "'" + a + "'")).toList();
        BenchmarkTable read = BenchmarkTable.read(table);
        PrintWriter out = spec.commandLine().getOut();
        out.println("index\tcifar10\tcifar100\timagenet16\tarch");
        for (Nb201Cell cell : cells) {
            BenchmarkEntry e = read.lookup(cell);
            out.printf(Locale.ROOT, "%d\t%.2f\t%.2f\t%.2f\t%s%n", e.index(), e.cifar10(), e.cifar100(),
                    e.imagenet16(), cell.arch());
        }
        out.flush();
        return 0;
    }
}
