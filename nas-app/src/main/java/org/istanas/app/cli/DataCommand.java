package org.istanas.app.cli;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.istanas.api.data.ImageDataset;
import org.istanas.api.spi.PluginCatalog;
import org.istanas.data.Datasets;
import org.istanas.data.inspect.ContactSheet;
import org.istanas.data.inspect.DatasetInspector;
import org.istanas.data.inspect.DatasetReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code istanas data}: dataset tools. All logic lives in nas-data ({@link DatasetInspector}, {@link ContactSheet}). */
@Command(name = "data", description = "Dataset tools.", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        subcommands = DataCommand.Inspect.class)
public final class DataCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code istanas data inspect --dataset NAME --data-dir DIR [--json] [--sheet out.png]}. */
    @Command(name = "inspect", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Counts, images per class and measured pixel mean/std of a dataset's splits;",
                "optionally a PNG contact sheet of a few images per class."})
    public static final class Inspect implements Callable<Integer> {
        @Inject
        PluginCatalog catalog;

        @Spec
        CommandSpec spec;

        @Option(names = "--dataset", paramLabel = "NAME", defaultValue = Datasets.DEFAULT,
                description = "Dataset plugin name (default: ${DEFAULT-VALUE}), e.g. cifar10, fashion-mnist, mnist,"
                        + " imagenet-folder, synthetic.")
        String dataset;

        @Option(names = "--data-dir", paramLabel = "DIR", description = "Directory holding the dataset's files.")
        Path dataDir;

        @Option(names = "--json", description = "Print the statistics as JSON.")
        boolean json;

        @Option(names = "--sheet", paramLabel = "FILE", description = "Write a PNG contact sheet to FILE.")
        Path sheet;

        @Option(names = "--sheet-split", paramLabel = "SPLIT", defaultValue = "train",
                description = "Split shown on the contact sheet: train or test (default: ${DEFAULT-VALUE}).")
        String sheetSplit;

        @Option(names = "--per-class", paramLabel = "N", defaultValue = "8",
                description = "Images per class on the contact sheet (default: ${DEFAULT-VALUE}).")
        int perClass;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
                description = "Use only the first N images of each split (0 = all).")
        int limit;

        @Option(names = "--seed", defaultValue = "0", description = "Seed (synthetic data; default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = {"--dataset-option", "-o"}, paramLabel = "KEY=VALUE",
                description = "Dataset provider option, e.g. --dataset-option imageSize=224 (repeatable).")
        Map<String, String> options = new LinkedHashMap<>();

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                if (!sheetSplit.equals("train") && !sheetSplit.equals("test")) {
                    throw new org.istanas.api.UsageException("--sheet-split must be train or test, got '" + sheetSplit
                            + "'");
                }
                ImageDataset data = Datasets.open(catalog.dataset(dataset), dataDir, seed, limit, options);
                DatasetReport report = DatasetInspector.withAvailableProcessors().inspect(data);
                out.println(json ? report.toJson() : report.toText());
                out.flush();
                if (sheet != null) {
                    ContactSheet.write(data, sheetSplit.equals("train") ? data.train() : data.test(), perClass, sheet);
                    err.println("contact sheet written to " + sheet);
                }
                return 0;
            } finally {
                err.flush();
            }
        }
    }
}
