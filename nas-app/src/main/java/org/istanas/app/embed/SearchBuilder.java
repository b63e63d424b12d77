package org.istanas.app.embed;

import java.io.IOException;
import java.nio.file.Path;
import org.istanas.api.search.ArchitectureOracle;
import org.istanas.api.space.SearchSpace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.istanas.api.Named;
import org.istanas.api.config.ConfigLoader;
import org.istanas.api.data.ImageDataset;
import org.istanas.api.genotype.GenotypeJson;
import org.istanas.api.op.CandidateOperation;
import org.istanas.api.run.MetricsTable;
import org.istanas.api.run.ProgressListener;
import org.istanas.api.run.RunFolder;
import org.istanas.api.run.RunFolderLock;
import org.istanas.api.run.Seeds;
import org.istanas.api.search.SearchOutcome;
import org.istanas.api.search.SearchStrategy;
import org.istanas.api.solver.SparseSolver;
import org.istanas.report.ReportRefresher;

/**
 * Configures and runs one or more searches. {@code runs(n)} runs n searches with seeds derived from the base seed
 * (run 0 uses the base seed itself) into {@code <out>/run-<i>} and writes {@code <out>/summary.csv}; the best run
 * by final validation accuracy is selected, as the paper does, and its genotype copied to {@code <out>/genotype.json}.
 */
public final class SearchBuilder {
    public static final String DEFAULT_STRATEGY = "two-stage";
    public static final String DEFAULT_DATASET = "synthetic";
    public static final String DEFAULT_SOLVER = "fista";
    public static final String DEFAULT_SPACE = "darts";
    /** The official code's seed. */
    public static final long DEFAULT_SEED = 2;

    /** Why a data directory without a dataset name is refused: the name would have to be guessed. */
    public static String dataDirectoryWithoutDataset(Path dataDir) {
        return "a data directory (" + dataDir + ") but no dataset was given: name the dataset it holds (--dataset, "
                + "e.g. cifar10; 'istanas plugins' lists them)";
    }

    private final Istanas istanas;
    private String strategy = DEFAULT_STRATEGY;
    private String dataset; // null: not named, so DEFAULT_DATASET, said loudly (DatasetChoice.choose)
    private Path dataDir;
    private final Map<String, String> datasetOptions = new LinkedHashMap<>();
    private String solver = DEFAULT_SOLVER;
    private String space = DEFAULT_SPACE;
    private List<String> operations = List.of();
    private Path benchmark;
    private String preset;
    private Path configFile;
    private final List<String> overrides = new ArrayList<>();
    private long seed = DEFAULT_SEED;
    private int runs = 1;
    private int only = -1;
    private Path out;
    private ProgressListener listener = ProgressListener.NONE;

    SearchBuilder(Istanas istanas) {
        this.istanas = istanas;
    }

    public SearchBuilder strategy(String name) {
        this.strategy = Objects.requireNonNull(name, "strategy is null");
        return this;
    }

    /** The dataset to search on; without it (or null) the synthetic default, with a warning. */
    public SearchBuilder dataset(String name) {
        this.dataset = name; // null: not named (as the command line without --dataset)
        return this;
    }

    public SearchBuilder dataDir(Path directory) {
        this.dataDir = directory;
        return this;
    }

    /** A provider option, e.g. {@code datasetOption("trainSize", "500")} for the synthetic dataset. */
    public SearchBuilder datasetOption(String key, String value) {
        datasetOptions.put(key, value);
        return this;
    }

    public SearchBuilder solver(String name) {
        this.solver = Objects.requireNonNull(name, "solver is null");
        return this;
    }

    /** The search space ({@code darts}, the default, or a plugin's); its own operations unless {@link #operations}. */
    public SearchBuilder space(String name) {
        this.space = Objects.requireNonNull(name, "space is null");
        return this;
    }

    /**
     * The candidate operations of the search, in the order that lays out z; empty (the default) means the space's
     * own list. An operation plugin joins a search only when named here.
     */
    public SearchBuilder operations(List<String> names) {
        this.operations = List.copyOf(Objects.requireNonNull(names, "operations is null"));
        return this;
    }

    /**
     * A NAS-Bench-201 table (the NATS-Bench CSV export, docs/spaces.md) to look the derived cell up in after every
     * epoch: metrics.csv gets {@code benchmark_cifar10}, {@code benchmark_cifar100} and {@code benchmark_imagenet16}.
     * Only for {@code nas-bench-201} searches; the table is read and validated before anything is created.
     */
    public SearchBuilder benchmark(Path table) {
        this.benchmark = table;
        return this;
    }

    /** A preset of the strategy ({@code paper}, {@code cpu}, {@code smoke}); default: the strategy's first. */
    public SearchBuilder preset(String name) {
        this.preset = name;
        return this;
    }

    /** A YAML or JSON file of configuration keys, applied over the preset. */
    public SearchBuilder configFile(Path file) {
        this.configFile = file;
        return this;
    }

    /** One configuration key, applied last (like {@code --set key=value}). */
    public SearchBuilder set(String key, Object value) {
        overrides.add(key + "=" + value);
        return this;
    }

    /** {@code key=value} strings as given to {@code --set}. */
    public SearchBuilder overrides(List<String> keyValues) {
        overrides.addAll(keyValues);
        return this;
    }

    public SearchBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    public SearchBuilder runs(int runs) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be >= 1, got " + runs);
        }
        this.runs = runs;
        return this;
    }

    /**
     * Runs only run {@code index} of the {@link #runs(int)} runs, into the output folder itself, with the seed and
     * provenance it has among them (how an experiment's trial runs one of its runs); no summary is written.
     */
    public SearchBuilder onlyRun(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("run index must be >= 0, got " + index);
        }
        this.only = index;
        return this;
    }

    /** Output folder; default {@code runs/<strategy>-<UTC time>-s<seed>}. */
    public SearchBuilder out(Path directory) {
        this.out = directory;
        return this;
    }

    public SearchBuilder listener(ProgressListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener is null");
        return this;
    }

    /**
     * The effective configuration this builder would run, as YAML (every key), preceded by comment lines naming the
     * strategy, the preset and what the preset builds on. Nothing is created or opened.
     */
    public String effectiveConfig() {
        SearchStrategy s = istanas.catalog().strategy(strategy);
        String presetName = preset == null ? s.presets().get(0) : preset;
        Object config = ConfigLoader.load(s.configType(), s.preset(presetName, space), configFile, overrides);
        String base = s.presetBase(presetName).map(b -> ", which builds on preset " + b).orElse("");
        return "# strategy " + s.name() + (space.equals(DEFAULT_SPACE) ? "" : ", space " + space) + ", preset "
                + presetName + base
                + (configFile == null ? "" : ", file " + configFile)
                + (overrides.isEmpty() ? "" : ", " + String.join(" ", overrides.stream().map(o -> "--set " + o).toList()))
                + "\n" + org.istanas.api.config.ConfigWriter.toYaml(config);
    }

    public SearchReport run() throws IOException {
        SearchStrategy s = istanas.catalog().strategy(strategy);
        SparseSolver sparseSolver = istanas.catalog().solver(solver);
        if (!s.spaces().contains(space)) {
            istanas.catalog().space(space);
            throw new IllegalArgumentException("strategy " + s.name() + " does not search the " + space
                    + " space; it searches " + s.spaces());
        }
        List<CandidateOperation> searchOps = istanas.searchOperations(space,
                operations.isEmpty() ? s.defaultOperations(istanas.catalog().space(space)) : operations);
        String presetName = preset == null ? s.presets().get(0) : preset;
        Record config = (Record) ConfigLoader.load(s.configType(), s.preset(presetName, space), configFile, overrides);
        SearchSpace searchSpace = istanas.catalog().space(space);
        ArchitectureOracle oracle = benchmark == null ? null : Istanas.openBenchmark(benchmark, space);
        DatasetChoice choice = DatasetChoice.choose(dataset, dataDir, datasetOptions, null);
        ImageDataset data = choice.open(istanas.catalog());
        listener.message(choice.header(data));
        if (only >= runs) {
            throw new IllegalArgumentException("run index " + only + " is not below the number of runs " + runs);
        }
        Path base = out != null ? out : RunFolder.newDirectory(RunRecords.defaultParent(), s.name(), seed, Instant.now());
        Istanas.requireEmptyOrAbsent(base);

        Map<String, Named> used = new LinkedHashMap<>();
        used.put("strategy", s);
        used.put("solver", sparseSolver);
        used.put("dataset", istanas.catalog().dataset(choice.name()));
        List<SearchOutcome> outcomes = new ArrayList<>();
        for (int i = Math.max(0, only); i < (only >= 0 ? only + 1 : runs); i++) {
            long runSeed = Seeds.forRun(seed, i);
            RunFolder folder = RunFolder.create(runs == 1 || only >= 0 ? base : base.resolve("run-" + i));
            Map<String, String> invocation = new LinkedHashMap<>();
            invocation.put("kind", Istanas.SEARCH);
            invocation.put("strategy", s.name());
            invocation.put("preset", presetName);
            invocation.put("dataset", choice.name());
            if (choice.dataDir() != null) {
                invocation.put("dataDir", choice.dataDir().toAbsolutePath().toString());
            }
            invocation.put("datasetOptions", choice.optionsText());
            invocation.put("solver", sparseSolver.name());
            invocation.put("space", space);
            invocation.put("operations", Istanas.joinNames(searchOps));
            if (benchmark != null) {
                invocation.put("benchmark", benchmark.toAbsolutePath().toString());
            }
            invocation.put("seed", Long.toString(runSeed));
            invocation.put("baseSeed", Long.toString(seed));
            invocation.put("run", i + " of " + runs);
            if (configFile != null) {
                invocation.put("configFile", configFile.toAbsolutePath().toString());
            }
            invocation.put("overrides", String.join(" ", overrides));
            try (RunFolderLock lock = RunFolderLock.acquire(folder.root())) {
                RunRecords.write(folder, config, invocation, runSeed, choice, data, istanas.plugins(used, searchOps),
                        istanas.engine().describe());
                if (runs > 1 && only < 0) {
                    listener.message("run " + (i + 1) + " of " + runs + " (seed " + runSeed + ")");
                }
                ReportRefresher report = new ReportRefresher(folder.root());
                outcomes.add(s.search(istanas.context(config, data, sparseSolver, searchOps, folder, runSeed,
                        ProgressListener.all(List.of(listener, report)), searchSpace, oracle)));
                report.refresh();
            } catch (RuntimeException e) {
                throw RunSetup.removeIfUntrained(folder) ? RunSetup.duringSetup(e, choice) : e;
            } catch (IOException e) {
                RunSetup.removeIfUntrained(folder);
                throw e;
            }
        }
        int best = 0;
        for (int i = 1; i < outcomes.size(); i++) {
            if (outcomes.get(i).validAccuracy() > outcomes.get(best).validAccuracy()) {
                best = i;
            }
        }
        if (runs > 1 && only < 0) {
            writeSummary(base, outcomes, best);
            new ReportRefresher(base).refresh();
        }
        return new SearchReport(outcomes, best,
                Istanas.summary(outcomes.stream().map(SearchOutcome::validAccuracy).toList()), base);
    }

    /** summary.csv of the runs under {@code base} and the best run's genotype as {@code base/genotype.json}. */
    public static void writeSummary(Path base, List<SearchOutcome> outcomes, int best) throws IOException {
        MetricsTable table = new MetricsTable(base.resolve("summary.csv"),
                List.of("run", "seed", "valid_acc", "best", "folder"));
        table.retainBelow(0);
        for (int i = 0; i < outcomes.size(); i++) {
            SearchOutcome o = outcomes.get(i);
            table.append(List.of(Integer.toString(i), Long.toString(o.seed()), MetricsTable.format(o.validAccuracy()),
                    Boolean.toString(i == best), base.relativize(o.runFolder()).toString()));
        }
        if (outcomes.get(best).architecture() instanceof org.istanas.api.genotype.Genotype genotype) {
            GenotypeJson.write(base.resolve("genotype.json"), genotype);
        } else { // another space's file, as its run wrote it
            org.istanas.api.run.AtomicFiles.write(base.resolve("genotype.json"), java.nio.file.Files.readString(
                    outcomes.get(best).runFolder().resolve(RunFolder.GENOTYPE)));
        }
    }
}
