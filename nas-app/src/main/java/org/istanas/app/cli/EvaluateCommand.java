package org.istanas.app.cli;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.istanas.api.spi.PluginCatalog;
import org.istanas.app.embed.Engines;
import org.istanas.api.network.NetworkEngine;
import org.istanas.app.embed.EvaluationBuilder;
import org.istanas.app.embed.EvaluationReport;
import org.istanas.app.embed.Istanas;
import org.istanas.search.toolkit.eval.EvaluationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code istanas evaluate}: retrains a genotype from scratch and reports test accuracy. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Retrain a genotype's target network from scratch on the full training set and report test "
                + "accuracy (mean ± std over --seeds). Saves the trained model; --test-only --run DIR measures it again.")
public final class EvaluateCommand implements Callable<Integer> {
    private final PluginCatalog catalog;
    private final Provider<Optional<NetworkEngine>> engine;

    @Spec
    CommandSpec spec;

    @Option(names = "--genotype", paramLabel = "NAME|FILE",
            description = "Built-in genotype (ISTA_twostage, DARTS_V2, ...; see 'istanas genotype list') or a "
                    + "genotype.json file.")
    String genotype;

    @Option(names = "--seed", defaultValue = "0", description = "Base seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "1",
            description = "Train N times with derived seeds and report mean ± std (the paper uses 5).")
    int seeds;

    @Option(names = "--test-only", description = "Reload the trained model of --run and measure its test accuracy.")
    boolean testOnly;

    @Option(names = "--run", paramLabel = "DIR", description = "Evaluation run folder for --test-only.")
    Path run;

    @Mixin
    CommonRunOptions common;

    @Inject
    public EvaluateCommand(PluginCatalog catalog, Provider<Optional<NetworkEngine>> engine) {
        this.catalog = Objects.requireNonNull(catalog, "catalog is null");
        this.engine = Objects.requireNonNull(engine, "engine is null");
    }

    @Override
    public Integer call() throws Exception {
        Istanas istanas = Istanas.of(catalog, Engines.resolve(engine.get()));
        PrintWriter out = spec.commandLine().getOut();
        if (testOnly) {
            if (run == null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--test-only needs --run DIR");
            }
            EvaluationResult r = EvaluationBuilder.testOnly(istanas, run);
            out.printf(Locale.ROOT, "test accuracy of the saved model: %.4f (loss %.4f)%n", r.testAccuracy(), r.testLoss());
            out.flush();
            return 0;
        }
        if (genotype == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--genotype NAME|FILE is required");
        }
        EvaluationBuilder builder = istanas.evaluate(genotype);
        common.datasetOptions.forEach(builder::datasetOption);
        EvaluationReport report = builder.dataset(common.dataset).dataDir(common.dataDir)
                .preset(common.preset == null ? "paper" : common.preset).configFile(common.configFile)
                .overrides(common.overrides).seed(seed).seeds(seeds).out(common.out)
                .listener(Progress.forCommand(common.quiet)).run();
        out.printf(Locale.ROOT, "%ntest accuracy: %s%n", report.testAccuracy().toText(4));
        out.printf(Locale.ROOT, "parameters:    %d%n", report.runs().get(0).parameters());
        out.println("run folder:    " + report.folder().toAbsolutePath());
        out.flush();
        return 0;
    }
}
