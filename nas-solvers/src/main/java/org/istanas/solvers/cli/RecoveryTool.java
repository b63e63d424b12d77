package org.istanas.solvers.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.istanas.api.solver.LassoProblem;
import org.istanas.api.solver.Recovery;
import org.istanas.api.solver.SolverLimits;
import org.istanas.api.solver.SparseSolver;
import org.istanas.api.solver.Supports;

/**
 * The logic of {@code istanas recover --solver NAME --matrix A.csv --b b.csv [--lambda 1e-5] [--sparsity 2] [--json]}:
 * read A (m lines of n comma-separated numbers) and b (m numbers, one per line or all on one line), solve
 * min 1/2||Az - b||² + λ||z||₁ (or the solver's variant) and print the code and its support.
 *
 * <p>The printed support is the ISTA-NAS rule, the s largest |z_k| (descending, ties by lower index), without
 * entries that are exactly zero.
 */
public final class RecoveryTool {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<String, SparseSolver> solvers;

    /**
     * @param solvers looks a solver up by name and throws {@link IllegalArgumentException} listing the known
     *                names when there is none (e.g. {@code PluginCatalog::solver})
     */
    public RecoveryTool(Function<String, SparseSolver> solvers) {
        this.solvers = Objects.requireNonNull(solvers, "solvers is null");
    }

    /**
     * One invocation's options.
     *
     * @param limits the stopping rules; {@link SolverLimits#DEFAULT} unless the caller overrides them
     */
    public record Request(String solver, Path matrix, Path b, double lambda, int sparsity, SolverLimits limits) {
        public static final double DEFAULT_LAMBDA = 1e-5;
        public static final int DEFAULT_SPARSITY = 2;

        public Request {
            Objects.requireNonNull(solver, "solver is null");
            Objects.requireNonNull(matrix, "matrix is null");
            Objects.requireNonNull(b, "b is null");
            Objects.requireNonNull(limits, "limits is null");
            if (!(lambda >= 0) || Double.isInfinite(lambda)) {
                throw new InputException("--lambda must be a finite number >= 0, got " + lambda);
            }
            if (sparsity < 0) {
                throw new InputException("--sparsity must be >= 0, got " + sparsity);
            }
        }

        /** With the default λ = 1e-5, s = 2 and limits. */
        public static Request of(String solver, Path matrix, Path b) {
            return new Request(solver, matrix, b, DEFAULT_LAMBDA, DEFAULT_SPARSITY, SolverLimits.DEFAULT);
        }
    }

    /**
     * What came out.
     *
     * @param support the kept indices, by descending |z|
     */
    public record Result(String solver, Recovery recovery, int[] support) {
        public Result {
            Objects.requireNonNull(solver, "solver is null");
            Objects.requireNonNull(recovery, "recovery is null");
            support = support.clone();
        }

        @Override
        public int[] support() {
            return support.clone();
        }
    }

    /**
     * Reads the inputs and solves.
     *
     * @throws IllegalArgumentException with a message naming the file/line/column or option at fault, or listing
     *                                  the known solvers for an unknown name
     */
    public Result run(Request request) {
        SparseSolver solver = solvers.apply(request.solver());
        double[][] a = NumericCsv.readMatrix(request.matrix());
        double[] b = NumericCsv.readVector(request.b());
        if (b.length != a.length) {
            throw new InputException(request.b() + " has " + b.length + " numbers but " + request.matrix() + " has "
                    + a.length + " rows; b needs one number per row of A");
        }
        int n = a[0].length;
        if (request.sparsity() > n) {
            throw new InputException("--sparsity " + request.sparsity() + " exceeds the " + n + " columns of "
                    + request.matrix());
        }
        Recovery recovery = solver.solve(new LassoProblem(a, b, request.lambda(), request.sparsity(), null,
                request.limits()));
        double[] z = recovery.z();
        int[] support = Arrays.stream(Supports.topS(z, request.sparsity())).filter(k -> z[k] != 0).toArray();
        return new Result(solver.name(), recovery, support);
    }

    /** {@code {"solver":…, "z":[…], "support":[…], "objective":…, "iterations":…, "converged":…, "note":…}}. */
    public static String toJson(Result result) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("solver", result.solver());
        fields.put("z", result.recovery().z());
        fields.put("support", result.support());
        fields.put("objective", result.recovery().objective());
        fields.put("iterations", result.recovery().iterations());
        fields.put("converged", result.recovery().converged());
        fields.put("note", result.recovery().note() == null ? "" : result.recovery().note());
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** A human-readable block, one field per line. */
    public static String toText(Result result) {
        Recovery r = result.recovery();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "solver      %s%n", result.solver()));
        out.append(String.format(Locale.ROOT, "support     %s%n", Arrays.toString(result.support())));
        out.append(String.format(Locale.ROOT, "objective   %.10g%n", r.objective()));
        out.append(String.format(Locale.ROOT, "iterations  %d%n", r.iterations()));
        out.append(String.format(Locale.ROOT, "converged   %s%n", r.converged()));
        if (r.note() != null && !r.note().isEmpty()) {
            out.append(String.format(Locale.ROOT, "note        %s%n", r.note()));
        }
        out.append("z           [");
        double[] z = r.z();
        for (int k = 0; k < z.length; k++) {
            out.append(k == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.10g", z[k]));
        }
        return out.append(']').append(System.lineSeparator()).toString();
    }

    /** Runs and formats in one call, as the command does. */
    public String runAndFormat(Request request, boolean json) {
        Result result = run(request);
        return json ? toJson(result) : toText(result);
    }
}
