package org.istanas.app.plugin;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.istanas.api.Named;
import org.istanas.api.data.DatasetProvider;
import org.istanas.api.op.CandidateOperation;
import org.istanas.api.search.SearchStrategy;
import org.istanas.api.solver.SparseSolver;
import org.istanas.api.space.SearchSpace;
import org.istanas.api.trial.TrialExecutor;
import org.istanas.api.spi.NasPlugin;
import org.istanas.api.spi.PluginCatalog;
import org.istanas.plugin.guice.GuicePlugin;
import org.istanas.plugin.guice.NamedChoice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loaded plugins: every contribution by kind and name, with its source. Immutable once built; closing it
 * closes the class loaders of plugin directories.
 */
public final class PluginRegistry implements PluginCatalog, AutoCloseable {
    private final Map<PluginKind, Map<String, Contribution>> byKind;
    private final List<PluginModuleSource> modules;
    private final List<AutoCloseable> resources;

    private PluginRegistry(Map<PluginKind, Map<String, Contribution>> byKind, List<PluginModuleSource> modules,
                           List<AutoCloseable> resources) {
        this.byKind = byKind;
        this.modules = modules;
        this.resources = resources;
    }

    /** A registry with no contributions. */
    public static PluginRegistry empty() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public SearchStrategy strategy(String name) {
        return (SearchStrategy) lookup(PluginKind.STRATEGY, name).item();
    }

    @Override
    public CandidateOperation operation(String name) {
        return (CandidateOperation) lookup(PluginKind.OPERATION, name).item();
    }

    @Override
    public SparseSolver solver(String name) {
        return (SparseSolver) lookup(PluginKind.SOLVER, name).item();
    }

    @Override
    public DatasetProvider dataset(String name) {
        return (DatasetProvider) lookup(PluginKind.DATASET, name).item();
    }

    @Override
    public SearchSpace space(String name) {
        return (SearchSpace) lookup(PluginKind.SPACE, name).item();
    }

    @Override
    public List<SearchSpace> spaces() {
        return items(PluginKind.SPACE, SearchSpace.class);

    }

    @Override
    public TrialExecutor executor(String name) {
        return (TrialExecutor) lookup(PluginKind.EXECUTOR, name).item();
    }

    @Override
    public List<SearchStrategy> strategies() {
        return items(PluginKind.STRATEGY, SearchStrategy.class);
    }

    @Override
    public List<CandidateOperation> operations() {
        return items(PluginKind.OPERATION, CandidateOperation.class);
    }

    @Override
    public List<SparseSolver> solvers() {
        return items(PluginKind.SOLVER, SparseSolver.class);
    }

    @Override
    public List<DatasetProvider> datasets() {
        return items(PluginKind.DATASET, DatasetProvider.class);
    }

    @Override
    public List<TrialExecutor> executors() {
        return items(PluginKind.EXECUTOR, TrialExecutor.class);
    }

    /**
     * The contribution named {@code name} of {@code kind}.
     *
     * @throws IllegalArgumentException {@code unknown solver 'mosek'; known: [fista, ista, lp]}
     */
    public Contribution lookup(PluginKind kind, String name) {
        Objects.requireNonNull(kind, "kind is null");
        return NamedChoice.choose(byKind.get(kind), kind.noun(), name);
    }

    /**
     * Contributions of one kind: sorted by name, except operations, which keep registration order because that
     * order lays out the architecture code z.
     */
    public List<Contribution> contributions(PluginKind kind) {
        Objects.requireNonNull(kind, "kind is null");
        List<Contribution> list = new ArrayList<>(byKind.get(kind).values());
        if (kind != PluginKind.OPERATION) {
            list.sort(Comparator.comparing(Contribution::name));
        }
        return List.copyOf(list);
    }

    /** The Guice modules of the loaded {@link GuicePlugin}s, in loading order. */
    public List<PluginModuleSource> modules() {
        return modules;
    }

    /** Where {@code name} of {@code kind} came from (see {@link Contribution#source()}). */
    public String source(PluginKind kind, String name) {
        return lookup(kind, name).source();
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IOException("cannot close plugin class loader", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private <T> List<T> items(PluginKind kind, Class<T> type) {
        return contributions(kind).stream().map(c -> type.cast(c.item())).toList();
    }

    /** Collects plugins one by one, rejecting broken contributions and duplicate names as they come. */
    public static final class Builder {
        private static final Logger LOG = LoggerFactory.getLogger(PluginRegistry.class);
        /** Names appear on command lines and in config files: no blanks, separators or quotes. */
        private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.+-]*");

        private final Map<PluginKind, Map<String, Contribution>> byKind = new EnumMap<>(PluginKind.class);
        private final List<PluginModuleSource> modules = new ArrayList<>();
        private final List<AutoCloseable> resources = new ArrayList<>();

        private Builder() {
            for (PluginKind kind : PluginKind.values()) {
                byKind.put(kind, new LinkedHashMap<>());
            }
        }

        /**
         * Registers everything {@code plugin} contributes, in the plugin's order.
         *
         * @param source where the plugin came from, for listings and error messages
         * @throws PluginLoadException on a duplicate name (naming both sources) or a malformed contribution
         */
        public Builder add(NasPlugin plugin, String source) {
            Objects.requireNonNull(plugin, "plugin is null");
            Objects.requireNonNull(source, "source is null");
            String pluginName = plugin.getClass().getName() + " from " + source;
            for (PluginKind kind : PluginKind.values()) {
                List<? extends Named> items;
                try {
                    items = kind.contributionsOf(plugin);
                } catch (RuntimeException | LinkageError e) {
                    throw new PluginLoadException("plugin " + pluginName + " failed to list its " + kind.noun()
                            + " contributions: " + e, e);
                }
                if (items == null) {
                    throw new PluginLoadException("plugin " + pluginName + " returned null instead of a list of "
                            + kind.noun() + " contributions");
                }
                for (Named item : items) {
                    register(kind, item, source, pluginName);
                }
            }
            if (plugin instanceof GuicePlugin guicePlugin) {
                com.google.inject.Module module;
                try {
                    module = guicePlugin.guiceModule();
                } catch (RuntimeException | LinkageError e) {
                    throw new PluginLoadException("plugin " + pluginName + " failed to give its Guice module: " + e, e);
                }
                if (module == null) {
                    throw new PluginLoadException("plugin " + pluginName + " returned null instead of a Guice module");
                }
                modules.add(new PluginModuleSource(module, plugin.getClass().getName(), source));
                LOG.debug("Installing the Guice module of {}", pluginName);
            }
            return this;
        }

        /** Something to close with the registry, e.g. a plugin directory's class loader. */
        Builder closeWith(AutoCloseable resource) {
            resources.add(Objects.requireNonNull(resource, "resource is null"));
            return this;
        }

        public PluginRegistry build() {
            Map<PluginKind, Map<String, Contribution>> copy = new EnumMap<>(PluginKind.class);
            byKind.forEach((kind, map) -> copy.put(kind, Collections.unmodifiableMap(new LinkedHashMap<>(map))));
            return new PluginRegistry(copy, List.copyOf(modules), List.copyOf(resources));
        }

        private void register(PluginKind kind, Named item, String source, String pluginName) {
            if (item == null) {
                throw new PluginLoadException("plugin " + pluginName + " contributes a null " + kind.noun());
            }
            String name = item.name();
            if (name == null || !NAME.matcher(name).matches()) {
                throw new PluginLoadException("plugin " + pluginName + " contributes a " + kind.noun()
                        + " with an invalid name " + (name == null ? "null" : "'" + name + "'")
                        + " (" + item.getClass().getName() + "); names are letters, digits and _ . + -");
            }
            if (item.description() == null || item.description().isBlank()) {
                throw new PluginLoadException("plugin " + pluginName + ": " + kind.noun() + " '" + name
                        + "' has no description");
            }
            Contribution previous = byKind.get(kind).get(name);
            if (previous != null) {
                throw new PluginLoadException("duplicate " + kind.noun() + " '" + name + "': registered by "
                        + previous.source() + " and by " + source);
            }
            byKind.get(kind).put(name, new Contribution(kind, item, source));
            LOG.debug("Registered {} '{}' from {}", kind.noun(), name, source);
        }
    }
}
