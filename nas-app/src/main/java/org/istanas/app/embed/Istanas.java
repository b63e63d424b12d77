package org.istanas.app.embed;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.istanas.api.Named;
import org.istanas.api.config.ConfigLoader;
import org.istanas.api.config.ResumeOverrides;
import org.istanas.api.data.ImageDataset;
import org.istanas.api.genotype.Genotype;
import org.istanas.api.genotype.GenotypeJson;
import org.istanas.api.op.CandidateOperation;
import org.istanas.api.run.ProgressListener;
import org.istanas.api.run.Provenance;
import org.istanas.api.run.ProvenanceFiles;
import org.istanas.api.run.RunFolder;
import org.istanas.api.run.RunFolderLock;
import org.istanas.api.search.SearchContext;
import org.istanas.api.search.SuperNetScorer;
import org.istanas.api.search.ArchitectureOracle;
import org.istanas.api.search.SearchOutcome;
import org.istanas.api.search.SearchStrategy;
import org.istanas.api.solver.SparseSolver;
import org.istanas.api.space.SearchSpace;
import org.istanas.api.space.SpaceGenotypes;
import org.istanas.api.spi.PluginCatalog;
import org.istanas.app.plugin.PluginLoader;
import org.istanas.app.plugin.PluginRegistry;
import org.istanas.metrics.SeedSummary;
import org.istanas.api.network.NetworkEngine;
import org.istanas.app.wiring.IstanasInjector;
import org.istanas.plugin.guice.IstanasSettings;
import org.istanas.search.toolkit.eval.Evaluation;
import org.istanas.search.toolkit.eval.EvaluationConfig;
import org.istanas.search.toolkit.eval.EvaluationResult;
import org.istanas.report.ReportRefresher;

/**
 * Entry point of the embedding API: searches, resumes and evaluations over a plugin catalog and a network engine.
 * Thread-confined: use one instance per thread (the engine's networks are not thread-safe).
 */
public final class Istanas {
    /** What {@code provenance.json} calls a search run and an evaluation run. */
    static final String SEARCH = "search";
    static final String EVALUATE = "evaluate";

    private final PluginCatalog catalog;
    private final Provider<NetworkEngine> engine;

    /**
     * The facade over the injector's catalog and engine; the engine is asked for only when a network is built, so
     * listing or looking names up never starts the native backend.
     */
    @Inject
    Istanas(PluginCatalog catalog, Provider<NetworkEngine> engine) {
        this.catalog = Objects.requireNonNull(catalog, "catalog is null");
        this.engine = Objects.requireNonNull(engine, "engine is null");
    }

    /**
     * The plugins on the class path (and in {@code ./plugins}, when present) with the default ND4J engine, wired by
     * the application's injector ({@link IstanasInjector}) with the settings of
     * {@link IstanasSettings#fromEnvironment()}. The returned instance keeps plugin class loaders open for the life of
     * the JVM.
     */
    public static Istanas create() {
        return create(IstanasSettings.fromEnvironment());
    }

    /**
     * As {@link #create()}, with explicit settings: the {@code istanas.PREFIX.*} keys that plugins' configuration
     * records are bound from ({@link org.istanas.plugin.guice.ConfigBinder}).
     */
    public static Istanas create(IstanasSettings settings) {
        PluginRegistry registry = PluginLoader.withApplicationClassPath(Istanas.class.getClassLoader())
                .load(PluginLoader.DEFAULT_PLUGINS_DIR, false);
        return IstanasInjector.create(registry, settings).getInstance(Istanas.class);
    }

    /** Over an explicit catalog and engine (tests, applications with their own wiring). */
    public static Istanas of(PluginCatalog catalog, NetworkEngine engine) {
        Objects.requireNonNull(engine, "engine is null");
        return new Istanas(catalog, () -> engine);
    }

    public PluginCatalog catalog() {
        return catalog;
    }

    public NetworkEngine engine() {
        return engine.get();
    }

    /** A new search; every setting has a default (two-stage on the synthetic dataset, preset paper, seed 2). */
    public SearchBuilder search() {
        return new SearchBuilder(this);
    }

    /** Retraining of a genotype. */
    public EvaluationBuilder evaluate(Genotype genotype) {
        return new EvaluationBuilder(this, genotype, null);
    }

    /** Retraining of an architecture of any space (a NAS-Bench-201 cell, a DARTS genotype, ...). */
    public EvaluationBuilder evaluate(org.istanas.api.space.Architecture architecture) {
        return new EvaluationBuilder(this, architecture, null);
    }

    /**
     * Retraining of a built-in genotype name (e.g. {@code ISTA_twostage}), a genotype.json file or a space's one-line
     * form (a NAS-Bench-201 string); the genotype.json of a run folder is trained on that run's dataset unless
     * {@link EvaluationBuilder#dataset} says otherwise.
     */
    public EvaluationBuilder evaluate(String nameOrFile) {
        return evaluate(nameOrFile, null);
    }

    /**
     * As {@link #evaluate(String)}, in the space {@code space} ({@code null}: inferred, as {@code genotype show}).
     *
     * @throws IllegalArgumentException for an unknown space, or a file of another space
     */
    public EvaluationBuilder evaluate(String nameOrFile, String space) {
        org.istanas.api.space.Architecture architecture = SpaceGenotypes.resolve(nameOrFile, space, catalog::space);
        return new EvaluationBuilder(this, architecture, genotypeFile(nameOrFile));
    }

    /** The architecture a run folder's genotype.json holds, of whichever space its {@code "space"} field names. */
    org.istanas.api.space.Architecture readArchitecture(Path genotypeFile) {
        return SpaceGenotypes.resolve(genotypeFile.toString(), null, catalog::space);
    }

    /** {@code nameOrFile} as a path when it names an existing file, else null (a built-in name). */
    private static Path genotypeFile(String nameOrFile) {
        try {
            Path file = Path.of(nameOrFile);
            return Files.isRegularFile(file) ? file : null;
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    /**
     * Exports the trained network of an evaluation folder or a one-stage run as a DeepLearning4J model file
     * (docs/embedding.md).
     */
    public ModelExport exportModel(Path runDirectory) {
        return new ModelExport(this, runDirectory);
    }

    /** Whether a run folder holds a {@code search} or an {@code evaluate} run. */
    public String runKind(Path runDirectory) throws IOException {
        RunFolder folder = RunFolder.open(runDirectory);
        return ProvenanceFiles.read(folder.provenance()).invocation().getOrDefault("kind", SEARCH);
    }

    /** Continues a search from its last checkpoint; it ends exactly as the uninterrupted run would. */
    public SearchOutcome resumeSearch(Path runDirectory, ProgressListener listener) throws IOException {
        return resumeSearch(runDirectory, listener, List.of());
    }

    /**
     * Continues a search from its last checkpoint with some settings changed ({@code KEY=VALUE}, only the keys of
     * {@link ResumeOverrides#allowed}); the change is written to config.yaml and recorded in provenance.json with the
     * epoch it takes effect.
     */
    public SearchOutcome resumeSearch(Path runDirectory, ProgressListener listener, List<String> overrides)
            throws IOException {
        RunFolder folder = RunFolder.open(runDirectory);
        Provenance provenance = ProvenanceFiles.read(folder.provenance());
        requireKind(provenance, SEARCH, folder);
        SearchStrategy strategy = catalog.strategy(provenance.invocation("strategy"));
        List<String> changedKeys = ResumeOverrides.check(strategy.configType(), overrides);
        Record recorded = (Record) ConfigLoader.load(strategy.configType(), strategy.legacyDefaults(), folder.config(),
                List.of());
        Record config = overrides.isEmpty() ? recorded : (Record) ConfigLoader.load(strategy.configType(),
                strategy.legacyDefaults(), folder.config(), overrides);
        ImageDataset dataset = reopen(provenance, folder, listener);
        SparseSolver solver = provenance.invocation().containsKey("solver")
                ? catalog.solver(provenance.invocation("solver")) : null;
        long seed = Long.parseLong(provenance.invocation("seed"));
        try (RunFolderLock lock = RunFolderLock.acquire(folder.root())) {
            SettingsChanges.record(folder, provenance, recorded, config, changedKeys, listener);
            ReportRefresher report = new ReportRefresher(folder.root());
            String space = provenance.invocation().getOrDefault("space", "darts");
            String table = provenance.invocation().get("benchmark");
            SearchOutcome outcome = strategy.resume(context(config, dataset, solver, recordedOperations(provenance),
                    folder, seed, ProgressListener.all(List.of(listener, report)), catalog.space(space),
                    table == null ? null : openBenchmark(Path.of(table), space)));
            report.refresh();
            return outcome;
        }
    }

    /**
     * Opens the super-net of a search run (its newest checkpoint, finished or not) to score architectures with its
     * shared weights on the run's validation split. Nothing in the run folder changes.
     */
    public SuperNetScorer openSuperNet(Path runDirectory) throws IOException {
        RunFolder folder = RunFolder.open(runDirectory);
        Provenance provenance = ProvenanceFiles.read(folder.provenance());
        requireKind(provenance, SEARCH, folder);
        SearchStrategy strategy = catalog.strategy(provenance.invocation("strategy"));
        Record config = (Record) ConfigLoader.load(strategy.configType(), strategy.legacyDefaults(), folder.config(),
                List.of());
        ImageDataset dataset = reopen(provenance, folder);
        SparseSolver solver = provenance.invocation().containsKey("solver")
                ? catalog.solver(provenance.invocation("solver")) : null;
        long seed = Long.parseLong(provenance.invocation("seed"));
        String space = provenance.invocation().getOrDefault("space", "darts");
        return strategy.openSuperNet(context(config, dataset, solver, recordedOperations(provenance), folder, seed,
                ProgressListener.NONE, catalog.space(space), null));
    }

    /** The search space a search run recorded ({@code darts} for runs from before spaces). */
    public String runSpace(Path runDirectory) throws IOException {
        return ProvenanceFiles.read(RunFolder.open(runDirectory).provenance()).invocation()
                .getOrDefault("space", "darts");
    }

    /** Continues an evaluation from its last checkpoint. */
    public EvaluationResult resumeEvaluation(Path runDirectory, ProgressListener listener) throws IOException {
        return resumeEvaluation(runDirectory, listener, List.of());
    }

    /** Continues an evaluation from its last checkpoint with some settings changed, as {@link #resumeSearch}. */
    public EvaluationResult resumeEvaluation(Path runDirectory, ProgressListener listener, List<String> overrides)
            throws IOException {
        RunFolder folder = RunFolder.open(runDirectory);
        Provenance provenance = ProvenanceFiles.read(folder.provenance());
        requireKind(provenance, EVALUATE, folder);
        List<String> changedKeys = ResumeOverrides.check(EvaluationConfig.class, overrides);
        EvaluationConfig recorded = ConfigLoader.load(EvaluationConfig.class, EvaluationConfig.LEGACY_DEFAULTS,
                folder.config(), List.of());
        EvaluationConfig config = overrides.isEmpty() ? recorded : ConfigLoader.load(EvaluationConfig.class,
                EvaluationConfig.LEGACY_DEFAULTS, folder.config(), overrides);
        ImageDataset dataset = reopen(provenance, folder, listener);
        org.istanas.api.space.Architecture architecture = readArchitecture(folder.genotype());
        long seed = Long.parseLong(provenance.invocation("seed"));
        try (RunFolderLock lock = RunFolderLock.acquire(folder.root())) {
            SettingsChanges.record(folder, provenance, recorded, config, changedKeys, listener);
            ReportRefresher report = new ReportRefresher(folder.root());
            EvaluationResult result = new Evaluation(config, architecture, catalog.space(architecture.space()),
                    dataset, operationsByName(), engine())
                    .train(folder, seed, ProgressListener.all(List.of(listener, report)), true);
            report.refresh();
            return result;
        }
    }

    private static void requireKind(Provenance provenance, String kind, RunFolder folder) throws IOException {
        String actual = provenance.invocation().getOrDefault("kind", SEARCH);
        if (!actual.equals(kind)) {
            throw new IOException(folder + " holds an " + actual + " run, not a " + kind + " run");
        }
    }

    /** Opens the dataset a run read and checks it is still the same data. */
    ImageDataset reopen(Provenance provenance, RunFolder folder) throws IOException {
        return reopen(provenance, folder, ProgressListener.NONE);
    }

    /** {@link #reopen(Provenance, RunFolder)}, telling {@code listener} the header line naming the data. */
    private ImageDataset reopen(Provenance provenance, RunFolder folder, ProgressListener listener) throws IOException {
        Map<String, String> inv = provenance.invocation();
        DatasetChoice data = new DatasetChoice(inv.get("dataset"), inv.containsKey("dataDir")
                ? Path.of(inv.get("dataDir")) : null, DatasetChoice.parseOptions(inv.get("datasetOptions")));
        ImageDataset dataset = data.open(catalog);
        listener.message(data.header(dataset));
        if (!dataset.checksum().equals(provenance.dataset().checksum())) {
            throw new IOException("dataset " + data.name() + " now has checksum " + dataset.checksum()
                    + " but the run in " + folder + " read " + provenance.dataset().checksum()
                    + "; resuming needs the same data");
        }
        return dataset;
    }

    SearchContext context(Record config, ImageDataset dataset, SparseSolver solver,
                          List<CandidateOperation> operations, RunFolder folder, long seed, ProgressListener listener,
                          SearchSpace space, ArchitectureOracle oracle) {
        SearchContext.Builder context = SearchContext.builder().config(config).dataset(dataset).solver(solver)
                .operations(operations).runFolder(folder).seed(seed).listener(listener).space(space)
                .service(NetworkEngine.class, engine());
        if (oracle != null) {
            context.oracle(oracle);
        }
        return context.build();
    }

    /**
     * The values a NAS-Bench-201 table holds for {@code architecture} ({@code benchmark_cifar10}, ...).
     *
     * @throws org.istanas.api.UsageException when the architecture is not a nas-bench-201 cell
     * @throws IllegalArgumentException        when the table is invalid (naming file, line and column)
     */
    public Map<String, Double> lookUp(Path table, org.istanas.api.space.Architecture architecture) {
        return openBenchmark(table, architecture.space()).lookup(architecture);
    }

    /**
     * Reads and validates a NAS-Bench-201 table for {@code --benchmark}.
     *
     * @throws org.istanas.api.UsageException when the space is not nas-bench-201
     * @throws IllegalArgumentException        when the table is invalid (naming file, line and column)
     */
    static ArchitectureOracle openBenchmark(Path table, String space) {
        if (!space.equals(org.istanas.api.space.nb201.Nb201Cell.SPACE)) {
            throw new org.istanas.api.UsageException("--benchmark " + table + ": the table holds nas-bench-201 cells, "
                    + "but the search space is " + space + " (add --space nas-bench-201)");
        }
        return new org.istanas.metrics.benchmark.BenchmarkOracle(org.istanas.metrics.benchmark.BenchmarkTable.read(table));
    }

    /**
     * The operations a search of {@code space} runs with: {@code names} in that order, or the space's own list when
     * {@code names} is empty. Loaded operations not named take no part (they would change the layout of z).
     *
     * @throws IllegalArgumentException for an unknown space or operation, or a name given twice
     */
    List<CandidateOperation> searchOperations(String space, List<String> names) {
        SearchSpace searchSpace = catalog.space(space);
        List<String> chosen = names.isEmpty() ? searchSpace.operations() : names;
        if (new java.util.HashSet<>(chosen).size() != chosen.size()) {
            throw new IllegalArgumentException("operations of the search name an operation twice: " + chosen);
        }
        List<CandidateOperation> operations = new java.util.ArrayList<>();
        if (!space.equals("darts")) { // its networks build their own operations, by name
            for (String name : chosen) {
                if (!searchSpace.operations().contains(name)) {
                    throw new org.istanas.api.UsageException("operations of the " + space + " search: unknown "
                            + "operation '" + name + "'; known: " + searchSpace.operations());
                }
                operations.add(new org.istanas.api.space.SpaceOperation(name, space));
            }
            return List.copyOf(operations);
        }
        for (String name : chosen) {
            try {
                operations.add(catalog.operation(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("operations of the " + space + " search: " + e.getMessage(), e);
            }
        }
        return List.copyOf(operations);
    }

    /** The operations recorded in a run's provenance; runs from before spaces used every loaded operation. */
    private List<CandidateOperation> recordedOperations(Provenance provenance) {
        String recorded = provenance.invocation().get("operations");
        if (recorded == null) {
            return catalog.operations();
        }
        return searchOperations(provenance.invocation().getOrDefault("space", "darts"),
                List.of(recorded.split(",")));
    }

    static String joinNames(List<CandidateOperation> operations) {
        return String.join(",", operations.stream().map(Named::name).toList());
    }

    Map<String, org.istanas.api.op.CandidateOperation> operationsByName() {
        Map<String, org.istanas.api.op.CandidateOperation> ops = new LinkedHashMap<>();
        catalog.operations().forEach(op -> ops.put(op.name(), op));
        return ops;
    }

    List<Provenance.PluginSource> plugins(Map<String, Named> used) {
        return RunRecords.plugins(used, catalog.operations());
    }

    /** Provenance of a search: its plugins and exactly the operations it runs with. */
    List<Provenance.PluginSource> plugins(Map<String, Named> used, List<CandidateOperation> operations) {
        return RunRecords.plugins(used, operations);
    }

    static SeedSummary summary(List<Double> values) {
        return SeedSummary.of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static void requireEmptyOrAbsent(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            try (var entries = Files.list(directory)) {
                // a .lock alone is no run: its writer died before writing anything, or is about to start
                if (entries.anyMatch(p -> !p.getFileName().toString().equals(RunFolderLock.FILE))) {
                    throw new IOException("output folder " + directory + " is not empty; choose another --out");
                }
            }
        }
    }

}
