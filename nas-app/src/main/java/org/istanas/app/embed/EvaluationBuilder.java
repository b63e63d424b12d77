package org.istanas.app.embed;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.istanas.api.Named;
import org.istanas.api.config.ConfigLoader;
import org.istanas.api.data.ImageDataset;
import org.istanas.api.genotype.Genotype;
import org.istanas.api.run.AtomicFiles;
import org.istanas.api.space.Architecture;
import org.istanas.api.space.SearchSpace;
import org.istanas.api.network.InputSizeException;
import org.istanas.api.network.NetworkInputs;
import org.istanas.api.network.TargetNetworkSpec;
import org.istanas.api.run.MetricsTable;
import org.istanas.api.run.ProgressListener;
import org.istanas.api.run.Provenance;
import org.istanas.api.run.ProvenanceFiles;
import org.istanas.api.run.RunFolder;
import org.istanas.api.run.RunFolderLock;
import org.istanas.api.run.Seeds;
import org.istanas.search.toolkit.eval.Evaluation;
import org.istanas.search.toolkit.eval.EvaluationConfig;
import org.istanas.search.toolkit.eval.EvaluationPresets;
import org.istanas.search.toolkit.eval.EvaluationResult;
import org.istanas.data.pipeline.Augmentation;
import org.istanas.report.ReportRefresher;

/**
 * Configures and runs the retraining of a genotype. {@code seeds(n)} trains n times with seeds derived from the
 * base seed into {@code <out>/run-<i>} and writes {@code <out>/summary.csv}; the report gives mean ± std.
 */
public final class EvaluationBuilder {
    /** The official evaluation script's seed. */
    public static final long DEFAULT_SEED = 0;

    private final Istanas istanas;
    private final Architecture architecture;
    private final Path genotypeFile;
    private String dataset; // null: not named, so the genotype's run's or the default (DatasetChoice.choose)
    private Path dataDir;
    private final Map<String, String> datasetOptions = new LinkedHashMap<>();
    private String preset = "paper";
    private Path configFile;
    private final List<String> overrides = new ArrayList<>();
    private long seed = DEFAULT_SEED;
    private int seeds = 1;
    private int only = -1;
    private Path out;
    private Path benchmark;
    private ProgressListener listener = ProgressListener.NONE;

    /** @param genotypeFile the file the architecture was read from, or null; its run's dataset is the default */
    EvaluationBuilder(Istanas istanas, Architecture architecture, Path genotypeFile) {
        this.istanas = istanas;
        this.architecture = Objects.requireNonNull(architecture, "architecture is null");
        this.genotypeFile = genotypeFile;
    }

    /**
     * The dataset to train on. Without it, a genotype read from a run folder's genotype.json is trained on that run's
     * dataset ({@link RecordedDataset}), any other on the synthetic default (with a warning).
     */
    public EvaluationBuilder dataset(String name) {
        this.dataset = name; // null: not named (as the command line without --dataset)
        return this;
    }

    public EvaluationBuilder dataDir(Path directory) {
        this.dataDir = directory;
        return this;
    }

    public EvaluationBuilder datasetOption(String key, String value) {
        datasetOptions.put(key, value);
        return this;
    }

    /** {@code paper} (default), {@code cpu} or {@code smoke}; each space has its own (EvaluationPresets). */
    public EvaluationBuilder preset(String name) {
        this.preset = Objects.requireNonNull(name, "preset is null");
        return this;
    }

    public EvaluationBuilder configFile(Path file) {
        this.configFile = file;
        return this;
    }

    public EvaluationBuilder set(String key, Object value) {
        overrides.add(key + "=" + value);
        return this;
    }

    public EvaluationBuilder overrides(List<String> keyValues) {
        overrides.addAll(keyValues);
        return this;
    }

    public EvaluationBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    public EvaluationBuilder seeds(int seeds) {
        if (seeds < 1) {
            throw new IllegalArgumentException("seeds must be >= 1, got " + seeds);
        }
        this.seeds = seeds;
        return this;
    }

    /**
     * Trains only seed {@code index} of the {@link #seeds(int)} seeds, into the output folder itself, with the seed
     * and provenance it has among them (how an experiment's trial runs one of them); no summary is written.
     */
    public EvaluationBuilder onlySeed(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("seed index must be >= 0, got " + index);
        }
        this.only = index;
        return this;
    }

    public EvaluationBuilder out(Path directory) {
        this.out = directory;
        return this;
    }

    /** The architecture this builder trains. */
    public Architecture architecture() {
        return architecture;
    }

    /**
     * A NAS-Bench-201 table (the NATS-Bench CSV export) to look the trained cell up in, so the report shows the
     * benchmark's 200-epoch accuracies next to this training's; read and validated before anything is trained.
     */
    public EvaluationBuilder benchmark(Path table) {
        this.benchmark = table;
        return this;
    }

    public EvaluationBuilder listener(ProgressListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener is null");
        return this;
    }

    public EvaluationReport run() throws IOException {
        EvaluationConfig config = ConfigLoader.load(EvaluationConfig.class,
                EvaluationPresets.get(preset, architecture.space()), configFile, overrides);
        SearchSpace space = istanas.catalog().space(architecture.space());
        DatasetChoice choice = DatasetChoice.choose(dataset, dataDir, datasetOptions,
                genotypeFile == null ? null : RecordedDataset.of(genotypeFile).orElse(null));
        ImageDataset data = choice.open(istanas.catalog());
        listener.message(choice.header(data));
        try { // before any folder exists: a size the network cannot take is the caller's to change
            if (architecture instanceof Genotype) {
                NetworkInputs.requireFits(Augmentation.networkInput(data), config.network().equals("imagenet")
                        ? TargetNetworkSpec.Layout.IMAGENET : TargetNetworkSpec.Layout.CIFAR, config.layers());
            }
        } catch (InputSizeException e) {
            throw choice.explain(e);
        }
        Evaluation evaluation = new Evaluation(config, architecture, space, data, istanas.operationsByName(),
                istanas.engine());
        Map<String, Double> tableValues = benchmark == null ? Map.of()
                : Istanas.openBenchmark(benchmark, architecture.space()).lookup(architecture);
        if (only >= seeds) {
            throw new IllegalArgumentException("seed index " + only + " is not below the number of seeds " + seeds);
        }
        Path base = out != null ? out : RunFolder.newDirectory(RunRecords.defaultParent(), "evaluate", seed,
                Instant.now());
        Istanas.requireEmptyOrAbsent(base);
        Map<String, Named> used = new LinkedHashMap<>();
        used.put("dataset", istanas.catalog().dataset(choice.name()));
        List<EvaluationResult> results = new ArrayList<>();
        for (int i = Math.max(0, only); i < (only >= 0 ? only + 1 : seeds); i++) {
            long runSeed = Seeds.forRun(seed, i);
            RunFolder folder = RunFolder.create(seeds == 1 || only >= 0 ? base : base.resolve("run-" + i));
            Map<String, String> invocation = new LinkedHashMap<>();
            invocation.put("kind", Istanas.EVALUATE);
            invocation.put("space", architecture.space());
            invocation.put("preset", preset);
            invocation.put("dataset", choice.name());
            if (choice.dataDir() != null) {
                invocation.put("dataDir", choice.dataDir().toAbsolutePath().toString());
            }
            invocation.put("datasetOptions", choice.optionsText());
            invocation.put("seed", Long.toString(runSeed));
            invocation.put("baseSeed", Long.toString(seed));
            invocation.put("overrides", String.join(" ", overrides));
            if (benchmark != null) {
                invocation.put("benchmark", benchmark.toAbsolutePath().toString());
            }
            try (RunFolderLock lock = RunFolderLock.acquire(folder.root())) {
                RunRecords.write(folder, config, invocation, runSeed, choice, data, istanas.plugins(used),
                        istanas.engine().describe());
                AtomicFiles.write(folder.genotype(), space.toJson(architecture));
                if (seeds > 1 && only < 0) {
                    listener.message("seed " + (i + 1) + " of " + seeds + " (" + runSeed + ")");
                }
                ReportRefresher report = new ReportRefresher(folder.root());
                results.add(evaluation.train(folder, runSeed, ProgressListener.all(List.of(listener, report)), false));
                report.refresh();
            } catch (RuntimeException e) {
                throw RunSetup.removeIfUntrained(folder) ? RunSetup.duringSetup(e, choice) : e;
            } catch (IOException e) {
                RunSetup.removeIfUntrained(folder);
                throw e;
            }
        }
        if (seeds > 1 && only < 0) {
            writeSummary(base, results);
            new ReportRefresher(base).refresh();
        }
        return new EvaluationReport(results,
                Istanas.summary(results.stream().map(EvaluationResult::testAccuracy).toList()), base, tableValues);
    }

    /** summary.csv of the evaluations under {@code base}, one row per seed. */
    public static void writeSummary(Path base, List<EvaluationResult> results) throws IOException {
        MetricsTable table = new MetricsTable(base.resolve("summary.csv"),
                List.of("run", "seed", "test_acc", "test_loss", "parameters", "folder"));
        table.retainBelow(0);
        for (int i = 0; i < results.size(); i++) {
            EvaluationResult r = results.get(i);
            table.append(List.of(Integer.toString(i), Long.toString(r.seed()), MetricsTable.format(r.testAccuracy()),
                    MetricsTable.format(r.testLoss()), Long.toString(r.parameters()),
                    base.relativize(r.runFolder()).toString()));
        }
    }

    /** Reloads the trained model of an evaluation run folder and measures its test accuracy again. */
    public static EvaluationResult testOnly(Istanas istanas, Path runDirectory) throws IOException {
        RunFolder folder = RunFolder.open(runDirectory);
        Provenance provenance = ProvenanceFiles.read(folder.provenance());
        ImageDataset data = istanas.reopen(provenance, folder);
        EvaluationConfig config = ConfigLoader.load(EvaluationConfig.class, Map.of(), folder.config(), List.of());
        Architecture architecture = istanas.readArchitecture(folder.genotype());
        return new Evaluation(config, architecture, istanas.catalog().space(architecture.space()), data,
                istanas.operationsByName(), istanas.engine())
                .testOnly(folder, Long.parseLong(provenance.invocation("seed")));
    }
}
