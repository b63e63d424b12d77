package org.istanas.metrics.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.istanas.api.space.nb201.Nb201Cell;
import org.istanas.api.space.nb201.Nb201Index;

/**
 * Writes tables in the CSV export format with made-up, seeded accuracies: each (edge, operation) pair has a
 * score, a cell's CIFAR-10 accuracy is 40 + the sum of its scores (so the optimum is known: the best operation on
 * every edge), CIFAR-100 and ImageNet16 are scaled copies.
 */
final class SyntheticBenchmarkTable {
    final double[][] scores = new double[Nb201Cell.EDGES][Nb201Cell.OPERATIONS.size()];

    SyntheticBenchmarkTable(long seed) {
        Random random = new Random(seed);
        for (double[] edge : scores) {
            for (int op = 0; op < edge.length; op++) {
                edge[op] = random.nextDouble() * 9;
            }
        }
    }

    double cifar10(Nb201Cell cell) {
        double sum = 40;
        for (int e = 0; e < Nb201Cell.EDGES; e++) {
            sum += scores[e][Nb201Cell.OPERATIONS.indexOf(cell.op(e))];
        }
        return sum;
    }

    /** The best cell of this table: the highest-scoring operation on every edge. */
    Nb201Cell optimum() {
        List<String> ops = new ArrayList<>();
        for (double[] edge : scores) {
            int best = 0;
            for (int op = 1; op < edge.length; op++) {
                best = edge[op] > edge[best] ? op : best;
            }
            ops.add(Nb201Cell.OPERATIONS.get(best));
        }
        return new Nb201Cell(ops);
    }

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", BenchmarkTable.HEADER));
        for (int i = 0; i < Nb201Index.CELLS; i++) {
            Nb201Cell cell = Nb201Index.cellAt(i);
            double c10 = cifar10(cell);
            lines.add(String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%s,%s", c10, c10 * 0.75, c10 * 0.5, cell.arch(),
                    "u" + i));
        }
        return lines;
    }

    Path write(Path file) throws IOException {
        return write(file, lines());
    }

    static Path write(Path file, List<String> lines) throws IOException {
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }
}
