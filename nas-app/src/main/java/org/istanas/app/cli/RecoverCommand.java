package org.istanas.app.cli;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.istanas.api.solver.SolverLimits;
import org.istanas.api.spi.PluginCatalog;
import org.istanas.solvers.cli.RecoveryTool;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code istanas recover}: recovers a sparse code z from b = Az with a named solver. All logic lives in
 * {@link RecoveryTool} (nas-solvers); this class only maps options and errors.
 */
@Command(name = "recover", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Recover a sparse code z from b = Az with a named solver (min 1/2||Az - b||^2 + lambda||z||_1,"
                + " or the solver's variant; see docs/solvers.md). Prints z, its top-s support, the objective,"
                + " the iterations and whether the solver converged.")
public final class RecoverCommand implements Callable<Integer> {
    private final PluginCatalog catalog;

    @Spec
    private CommandSpec spec;

    @Option(names = "--solver", required = true, paramLabel = "NAME",
            description = "Solver name, e.g. fista, ista, lp, l0-mip (see `istanas plugins`).")
    private String solver;

    @Option(names = "--matrix", required = true, paramLabel = "A.csv",
            description = "Measurement matrix A: m lines of n comma-separated numbers.")
    private Path matrix;

    @Option(names = "--b", required = true, paramLabel = "b.csv",
            description = "Measurements b: m numbers, one per line or all on one line.")
    private Path b;

    @Option(names = "--lambda", defaultValue = "1e-5", paramLabel = "LAMBDA",
            description = "l1 weight (default: ${DEFAULT-VALUE}, the paper's).")
    private double lambda;

    @Option(names = "--sparsity", defaultValue = "2", paramLabel = "S",
            description = "Support size s to keep (and the ||z||_0 bound of l0-mip; default: ${DEFAULT-VALUE}).")
    private int sparsity;

    @Option(names = "--max-iterations", paramLabel = "N", description = "Iteration cap of iterative solvers.")
    private Integer maxIterations;

    @Option(names = "--tolerance", paramLabel = "TOL", description = "Stopping tolerance of iterative solvers.")
    private Double tolerance;

    @Option(names = "--time-limit-ms", paramLabel = "MS", description = "Wall-clock limit of LP/MIP solvers.")
    private Long timeLimitMillis;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    private boolean json;

    @Inject
    public RecoverCommand(PluginCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog is null");
    }

    private SolverLimits limits() {
        SolverLimits defaults = SolverLimits.DEFAULT;
        try {
            return new SolverLimits(maxIterations == null ? defaults.maxIterations() : maxIterations,
                    tolerance == null ? defaults.tolerance() : tolerance,
                    timeLimitMillis == null ? defaults.timeLimitMillis() : timeLimitMillis);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    @Override
    public Integer call() {
        String output;
        try {
            SolverLimits limits = limits();
            output = new RecoveryTool(catalog::solver).runAndFormat(
                    new RecoveryTool.Request(solver, matrix, b, lambda, sparsity, limits), json);
        } catch (IllegalArgumentException e) {
            // an unknown solver or an option out of range is a usage error (exit 2); a bad file a failure (exit 1)
            boolean option = e instanceof org.istanas.api.UsageException
                    || (e.getMessage() != null && e.getMessage().startsWith("--"));
            if (option) {
                throw new ParameterException(spec.commandLine(), e.getMessage(), e);
            }
            throw e;
        }
        spec.commandLine().getOut().println(output.stripTrailing());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
