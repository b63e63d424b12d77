package org.istanas.api.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.istanas.api.data.ImageDataset;
import org.istanas.api.op.CandidateOperation;
import org.istanas.api.run.ProgressListener;
import org.istanas.api.run.RunFolder;
import org.istanas.api.solver.SparseSolver;
import org.istanas.api.space.SearchSpace;

/**
 * Everything a {@link SearchStrategy} gets for one run. Engine-neutral: the numeric engine and other
 * implementation services (which live in modules the API must not depend on) are reached through the typed
 * {@link #service(Class)} accessor, e.g. {@code context.service(NetworkEngine.class)}.
 */
public final class SearchContext {
    private final Record config;
    private final ImageDataset dataset;
    private final SparseSolver solver;
    private final List<CandidateOperation> operations;
    private final RunFolder runFolder;
    private final long seed;
    private final ProgressListener listener;
    private final Map<Class<?>, Object> services;
    private final SearchSpace space;
    private final ArchitectureOracle oracle;

    private SearchContext(Builder b) {
        this.config = Objects.requireNonNull(b.config, "config is null");
        this.dataset = Objects.requireNonNull(b.dataset, "dataset is null");
        this.solver = b.solver;
        this.operations = List.copyOf(b.operations);
        this.runFolder = Objects.requireNonNull(b.runFolder, "runFolder is null");
        this.seed = b.seed;
        this.listener = b.listener;
        this.services = Map.copyOf(b.services);
        this.space = b.space;
        this.oracle = b.oracle;
        if (operations.isEmpty()) {
            throw new IllegalArgumentException("no candidate operations given");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The merged configuration, as the strategy's own record type. */
    public <T extends Record> T config(Class<T> type) {
        if (!type.isInstance(config)) {
            throw new IllegalStateException("configuration is a " + config.getClass().getName() + ", not a " + type.getName());
        }
        return type.cast(config);
    }

    public Record config() {
        return config;
    }

    /** Name of the search space of the run: {@code darts} unless the builder was given another. */
    public String spaceName() {
        return space == null ? "darts" : space.name();
    }

    /**
     * The search space of the run (its topology, codec and networks).
     *
     * @throws IllegalStateException when the run was built without one (then it is a {@code darts} search)
     */
    public SearchSpace space() {
        if (space == null) {
            throw new IllegalStateException("this search was given no search space object; it searches darts");
        }
        return space;
    }

    /** The benchmark the run looks its architectures up in ({@code --benchmark}), if one was given. */
    public java.util.Optional<ArchitectureOracle> oracle() {
        return java.util.Optional.ofNullable(oracle);
    }

    public ImageDataset dataset() {
        return dataset;
    }

    /** The sparse-coding solver; strategies that recover codes fail clearly when none was given. */
    public SparseSolver solver() {
        if (solver == null) {
            throw new IllegalStateException("this strategy needs a sparse-coding solver, but none was given");
        }
        return solver;
    }

    /** Candidate operations in the order that defines the layout of architecture codes. */
    public List<CandidateOperation> operations() {
        return operations;
    }

    public RunFolder runFolder() {
        return runFolder;
    }

    /** Base seed of the run; derive stream seeds with {@link org.istanas.api.run.Seeds#derive}. */
    public long seed() {
        return seed;
    }

    public ProgressListener listener() {
        return listener;
    }

    /** An implementation service registered by the framework, e.g. the network engine. */
    public <T> T service(Class<T> type) {
        Object s = services.get(type);
        if (s == null) {
            throw new IllegalStateException("no " + type.getName() + " available to the search; registered: "
                    + services.keySet().stream().map(Class::getSimpleName).toList());
        }
        return type.cast(s);
    }

    public static final class Builder {
        private Record config;
        private ImageDataset dataset;
        private SparseSolver solver;
        private List<CandidateOperation> operations = List.of();
        private RunFolder runFolder;
        private long seed;
        private ProgressListener listener = ProgressListener.NONE;
        private final Map<Class<?>, Object> services = new LinkedHashMap<>();
        private SearchSpace space;
        private ArchitectureOracle oracle;

        private Builder() {
        }

        public Builder config(Record config) {
            this.config = config;
            return this;
        }

        public Builder dataset(ImageDataset dataset) {
            this.dataset = dataset;
            return this;
        }

        public Builder solver(SparseSolver solver) {
            this.solver = solver;
            return this;
        }

        public Builder operations(List<CandidateOperation> operations) {
            this.operations = Objects.requireNonNull(operations, "operations is null");
            return this;
        }

        public Builder runFolder(RunFolder runFolder) {
            this.runFolder = runFolder;
            return this;
        }

        /** The search space; without it the run searches {@code darts}. */
        public Builder space(SearchSpace space) {
            this.space = Objects.requireNonNull(space, "space is null");
            return this;
        }

        /** A benchmark to look the architecture up in after every epoch. */
        public Builder oracle(ArchitectureOracle oracle) {
            this.oracle = Objects.requireNonNull(oracle, "oracle is null");
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder listener(ProgressListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener is null");
            return this;
        }

        public <T> Builder service(Class<T> type, T service) {
            services.put(Objects.requireNonNull(type, "type is null"), Objects.requireNonNull(service, "service is null"));
            return this;
        }

        public SearchContext build() {
            return new SearchContext(this);
        }
    }
}
