package org.istanas.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options shared by {@code search} and {@code evaluate} (a picocli mixin). */
public final class CommonRunOptions {
    @Option(names = "--dataset", paramLabel = "NAME",
            description = "Dataset plugin, see 'istanas plugins'. Default: for evaluate of a run's genotype.json, "
                    + "that run's dataset; otherwise the built-in synthetic images (a warning says so).")
    String dataset;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Directory holding the dataset's files.")
    Path dataDir;

    @Option(names = "--dataset-option", paramLabel = "KEY=VALUE",
            description = "Dataset provider option, e.g. trainSize=1000 for synthetic (repeatable).")
    Map<String, String> datasetOptions = new LinkedHashMap<>();

    @Option(names = "--preset", paramLabel = "NAME", description = "Preset: paper (default), official, cpu, smoke; also demo (two-stage) and "
                    + "imagenet (one-stage). search --print-config shows one; see docs/search.md.")
    String preset;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "YAML or JSON file of configuration keys.")
    Path configFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Configuration key, applied last (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: runs/<name>-<time>-s<seed>).")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "No progress output.")
    boolean quiet;
}
