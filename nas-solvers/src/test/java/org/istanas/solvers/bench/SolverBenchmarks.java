package org.istanas.solvers.bench;

import java.util.List;
import java.util.Locale;
import org.istanas.api.solver.LassoProblem;
import org.istanas.api.solver.Recovery;
import org.istanas.api.solver.SparseSolver;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link SolverBenchmark} with short settings (1 fork, 2 x 1 s warm-up, 3 x 1 s measurement: the build
 * machine is shared) and then prints, per solver and size, the iterations and convergence of one solve, which
 * JMH's time table does not show. Arguments: optional JMH include regex, then optional {@code solver=a,b}
 * and {@code size=x,y} filters.
 */
public final class SolverBenchmarks {
    private SolverBenchmarks() {
    }

    public static void main(String[] args) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(SolverBenchmark.class.getSimpleName())
                .forks(1)
                .warmupIterations(2)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(3)
                .measurementTime(TimeValue.seconds(1))
                .shouldFailOnError(true);
        String[] solvers = {"ista", "fista", "lp", "l0-mip"};
        String[] sizes = {"7x14", "7x21", "7x28", "7x35", "epoch", "50x1000"};
        for (String arg : args) {
            if (arg.startsWith("solver=")) {
                solvers = arg.substring(7).split(",");
                options.param("solver", solvers);
            } else if (arg.startsWith("size=")) {
                sizes = arg.substring(5).split(",");
                options.param("size", sizes);
            }
        }
        new Runner(options.build()).run();

        System.out.println();
        System.out.println("Iterations (simplex iterations for lp, branch-and-bound nodes for l0-mip) and convergence, one solve each:");
        System.out.printf(Locale.ROOT, "%-8s %-8s %s%n", "solver", "size", "per problem: iterations/converged");
        for (String solver : solvers) {
            SparseSolver instance = SolverBenchmark.solvers().get(solver);
            for (String size : sizes) {
                StringBuilder line = new StringBuilder();
                List<LassoProblem> problems = BenchmarkProblems.of(size);
                for (LassoProblem p : problems) {
                    Recovery r = instance.solve(p);
                    line.append(r.iterations()).append(r.converged() ? "" : "(capped)").append(' ');
                }
                System.out.printf(Locale.ROOT, "%-8s %-8s %s%n", solver, size, line.toString().trim());
            }
        }
    }
}
