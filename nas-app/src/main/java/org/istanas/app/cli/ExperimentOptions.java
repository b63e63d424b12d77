package org.istanas.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.istanas.api.config.ConfigLoader;
import org.istanas.api.space.SpaceGenotypes;
import org.istanas.api.search.SearchStrategy;
import org.istanas.api.spi.PluginCatalog;
import org.istanas.app.embed.SearchBuilder;
import org.istanas.app.trial.ExecutorChoice;
import org.istanas.app.trial.ExecutorOptions;
import org.istanas.search.toolkit.eval.EvaluationConfig;
import org.istanas.search.toolkit.eval.EvaluationPresets;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * What the multi-run commands share when they become experiments of trials: the executor choice, the checks made
 * before the experiment folder is created (a trial that would only fail later must fail here), and the command-line
 * options every trial repeats.
 */
final class ExperimentOptions {
    private ExperimentOptions() {
    }

    /** The executor chosen, checked against the catalog, or null for trials in this JVM. */
    static ExecutorChoice choice(CommandSpec spec, ExecutorOptions options, PluginCatalog catalog) {
        try {
            ExecutorChoice choice = options.choice();
            if (choice != null) {
                choice.resolve(catalog);
                choice.attempts();
            }
            return choice;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** Strategy, solver, dataset, preset and every configuration key of a search, as the search would check them. */
    static void checkSearch(CommandSpec spec, PluginCatalog catalog, String strategy, String solver,
                            CommonRunOptions common, List<String> overrides) {
        try {
            SearchStrategy s = catalog.strategy(strategy);
            catalog.solver(solver);
            checkDataset(catalog, common);
            String preset = common.preset == null ? s.presets().get(0) : common.preset;
            ConfigLoader.load(s.configType(), s.preset(preset), common.configFile, overrides);
        } catch (IllegalArgumentException | org.istanas.api.config.ConfigException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** Genotype, dataset, preset and configuration keys of an evaluation. */
    static void checkEvaluation(CommandSpec spec, PluginCatalog catalog, String genotype, String space,
                                CommonRunOptions common, String preset) {
        try {
            String resolvedSpace = SpaceGenotypes.resolve(genotype, space, catalog::space).space();
            // a run's genotype.json: each trial takes that run's dataset, as one evaluation does
            if (!recordsADataset(genotype)) {
                checkDataset(catalog, common);
            } else if (common.dataset != null) {
                catalog.dataset(common.dataset);
            }
            ConfigLoader.load(EvaluationConfig.class, EvaluationPresets.get(preset, resolvedSpace), common.configFile,
                    common.overrides);
        } catch (IllegalArgumentException | org.istanas.api.config.ConfigException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** Whether {@code genotype} is the genotype.json of a run folder that recorded its dataset. */
    private static boolean recordsADataset(String genotype) {
        Path file = Path.of(genotype);
        try {
            return Files.isRegularFile(file) && org.istanas.app.embed.RecordedDataset.of(file).isPresent();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The dataset named exists; a data directory without a dataset name is refused (the name would be guessed). */
    private static void checkDataset(PluginCatalog catalog, CommonRunOptions common) {
        if (common.dataset != null) {
            catalog.dataset(common.dataset);
        } else if (common.dataDir != null) {
            throw new IllegalArgumentException(SearchBuilder.dataDirectoryWithoutDataset(common.dataDir));
        }
    }

    /** Dataset, preset, configuration file and {@code --set} options, with paths made absolute for other processes. */
    static void addCommon(List<String> args, CommonRunOptions common, List<String> overrides) {
        if (common.dataset != null) {
            args.addAll(List.of("--dataset", common.dataset));
        }
        if (common.dataDir != null) {
            args.addAll(List.of("--data-dir", common.dataDir.toAbsolutePath().toString()));
        }
        common.datasetOptions.forEach((k, v) -> args.addAll(List.of("--dataset-option", k + "=" + v)));
        if (common.preset != null) {
            args.addAll(List.of("--preset", common.preset));
        }
        if (common.configFile != null) {
            Path file = common.configFile.toAbsolutePath();
            args.addAll(List.of("--config", Files.exists(file) ? file.toString() : common.configFile.toString()));
        }
        overrides.forEach(o -> args.addAll(List.of("--set", o)));
    }
}
