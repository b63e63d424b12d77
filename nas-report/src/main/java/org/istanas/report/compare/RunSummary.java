package org.istanas.report.compare;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.istanas.api.genotype.CellType;
import org.istanas.api.genotype.Genotype;
import org.istanas.api.genotype.GenotypeEdge;
import org.istanas.report.run.RunData;
import org.istanas.report.run.Table;

/**
 * The headline numbers of one run, the same for every strategy, read from its folder: accuracies (fractions in
 * [0, 1]) from metrics.csv and result.json, wall-clock time from the epochs' {@code seconds}, the search cost in
 * core-hours (time times the processors recorded in provenance.json; searches only) and the parameter count
 * where the run recorded one.
 *
 * @param label          how the run is named in tables (its folder name, made unique by the caller)
 * @param folder         the run folder
 * @param kind           {@code search} or {@code evaluate}
 * @param strategy       the search strategy, or {@code evaluate}
 * @param dataset        the dataset name
 * @param seed           the run's seed, empty text when not recorded
 * @param epochs         epochs recorded in metrics.csv
 * @param finished       whether result.json exists
 * @param finalValid     validation accuracy of the last epoch
 * @param bestValid      best validation accuracy of any epoch
 * @param finalTest      test accuracy at the end (result.json's, else the last epoch's test_acc)
 * @param bestTest       best test_acc of any epoch
 * @param finalBenchmark the last epoch's first {@code benchmark_*} column (NAS-Bench-201 runs: the table's CIFAR-10
 *                       test accuracy), as a fraction
 * @param seconds        wall-clock seconds of all epochs
 * @param searchCoreHours seconds x processors / 3600, for searches
 * @param parameters     parameter count, when recorded
 * @param genotype       the final genotype in one line, empty when none
 */
public record RunSummary(String label, Path folder, String kind, String strategy, String dataset, String seed,
                         int epochs, boolean finished, OptionalDouble finalValid, OptionalDouble bestValid,
                         OptionalDouble finalTest, OptionalDouble bestTest, OptionalDouble finalBenchmark,
                         double seconds, OptionalDouble searchCoreHours, OptionalLong parameters, String genotype) {

    public static RunSummary of(String label, RunData run) {
        Optional<Table> metrics = run.metrics();
        int epochs = metrics.map(Table::size).orElse(0);
        OptionalDouble finalValid = metrics.map(m -> last(m, "valid_acc")).orElse(OptionalDouble.empty());
        OptionalDouble bestValid = metrics.map(m -> best(m, "valid_acc")).orElse(OptionalDouble.empty());
        OptionalDouble finalTest = number(run.result(), "testAccuracy");
        if (finalTest.isEmpty()) {
            finalTest = metrics.map(m -> last(m, "test_acc")).orElse(OptionalDouble.empty());
        }
        OptionalDouble bestTest = metrics.map(m -> best(m, "test_acc")).orElse(OptionalDouble.empty());
        // the table's columns are percent (benchmark_cifar10, ...); summaries hold fractions like the other accuracies
        OptionalDouble benchmark = metrics.flatMap(m -> m.header().stream().filter(c -> c.startsWith("benchmark_"))
                .findFirst().map(c -> last(m, c))).orElse(OptionalDouble.empty());
        benchmark = benchmark.isPresent() ? OptionalDouble.of(benchmark.getAsDouble() / 100) : benchmark;
        double seconds = metrics.filter(m -> m.has("seconds")).map(m -> sum(m.numbers("seconds"))).orElse(0.0);
        OptionalDouble cost = OptionalDouble.empty();
        if (!run.isEvaluation() && seconds > 0) {
            int processors = run.provenance().map(p -> p.path("runtime").path("processors").asInt(1)).orElse(1);
            cost = OptionalDouble.of(seconds * Math.max(1, processors) / 3600.0);
        }
        OptionalLong parameters = run.result().map(r -> r.path("parameters")).filter(JsonNode::canConvertToLong)
                .map(p -> OptionalLong.of(p.asLong())).orElse(OptionalLong.empty());
        return new RunSummary(label, run.root(), run.kind(), run.strategy(),
                run.invocation().getOrDefault("dataset", "?"), run.invocation().getOrDefault("seed", ""), epochs,
                run.finished(), finalValid, bestValid, finalTest, bestTest, benchmark, seconds, cost, parameters,
                run.genotype().map(RunSummary::oneLine).orElse(""));
    }

    /** {@code normal: op@in op@in | op@in op@in ...; reduce: ...}, nodes separated by bars. */
    public static String oneLine(Genotype genotype) {
        List<String> cells = new ArrayList<>();
        for (CellType type : CellType.values()) {
            List<String> nodes = new ArrayList<>();
            for (int step = 0; step < genotype.steps(type); step++) {
                List<String> edges = new ArrayList<>();
                for (GenotypeEdge e : genotype.nodeInputs(type, step)) {
                    edges.add(e.op() + "@" + e.input());
                }
                nodes.add(String.join(" ", edges));
            }
            cells.add(type.name().toLowerCase(java.util.Locale.ROOT) + ": " + String.join(" | ", nodes));
        }
        return String.join("; ", cells);
    }

    /** The accuracy a reader compares first: final test accuracy, else final validation accuracy. */
    public OptionalDouble headline() {
        return finalTest.isPresent() ? finalTest : finalValid;
    }

    private static OptionalDouble number(Optional<JsonNode> json, String field) {
        return json.map(j -> j.path(field)).filter(JsonNode::isNumber).map(n -> OptionalDouble.of(n.asDouble()))
                .orElse(OptionalDouble.empty());
    }

    static OptionalDouble last(Table m, String column) {
        if (!m.has(column)) {
            return OptionalDouble.empty();
        }
        double[] v = m.numbers(column);
        for (int i = v.length - 1; i >= 0; i--) {
            if (Double.isFinite(v[i])) {
                return OptionalDouble.of(v[i]);
            }
        }
        return OptionalDouble.empty();
    }

    static OptionalDouble best(Table m, String column) {
        if (!m.has(column)) {
            return OptionalDouble.empty();
        }
        return java.util.Arrays.stream(m.numbers(column)).filter(Double::isFinite).max();
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                s += v;
            }
        }
        return s;
    }
}
