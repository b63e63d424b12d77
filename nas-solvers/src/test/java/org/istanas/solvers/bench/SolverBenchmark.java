package org.istanas.solvers.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.istanas.api.solver.LassoProblem;
import org.istanas.api.solver.SparseSolver;
import org.istanas.solvers.SolversPlugin;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/** Time per recovery (all problems of a size, solved in order) for each built-in solver. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SolverBenchmark {
    @Param({"ista", "fista", "lp", "l0-mip"})
    public String solver;

    @Param({"7x14", "7x21", "7x28", "7x35", "epoch", "50x1000"})
    public String size;

    private SparseSolver instance;
    private List<LassoProblem> problems;

    static Map<String, SparseSolver> solvers() {
        return new SolversPlugin().solvers().stream().collect(Collectors.toMap(SparseSolver::name, Function.identity()));
    }

    @Setup(Level.Trial)
    public void setUp() {
        instance = solvers().get(solver);
        problems = BenchmarkProblems.of(size);
        for (LassoProblem p : problems) {
            instance.solve(p); // loads OR-Tools natives, fills the Lipschitz cache (as in a search after epoch 1)
        }
    }

    @Benchmark
    public void recover(Blackhole sink) {
        for (LassoProblem p : problems) {
            sink.consume(instance.solve(p));
        }
    }
}
