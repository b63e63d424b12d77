package org.istanas.app.ranking;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import org.istanas.api.run.AtomicFiles;
import org.istanas.api.run.ProgressListener;
import org.istanas.api.search.SuperNetScorer;
import org.istanas.api.space.nb201.Nb201Cell;
import org.istanas.api.space.nb201.Nb201Index;
import org.istanas.app.embed.Istanas;
import org.istanas.metrics.Kendall;
import org.istanas.metrics.Spearman;
import org.istanas.metrics.benchmark.BenchmarkDataset;
import org.istanas.metrics.benchmark.BenchmarkEntry;
import org.istanas.metrics.benchmark.BenchmarkTable;
import org.istanas.metrics.plot.ScatterPlot;

/**
 * Ranks K sampled NAS-Bench-201 cells by a search run's super-net and by the benchmark table, and reports how the
 * two orders agree (Kendall τ-b, Spearman ρ). Cells are drawn without replacement from the table's 15,625 with a
 * seeded generator; each is scored with only its operations computed, on the run's validation split. Writes
 * {@code pairs.csv} (index, arch, super-net accuracy, table accuracy) and {@code scatter.png}/{@code .svg}.
 */
public final class SuperNetRanking {
    /** One scored cell. */
    public record Pair(int index, Nb201Cell cell, double superNet, double benchmark) {
    }

    /** The ranking of one run. */
    public record Result(List<Pair> pairs, double kendallTauB, double spearmanRho, int images, int epochsTrained,
                         Path folder) {
    }

    private final Istanas istanas;

    public SuperNetRanking(Istanas istanas) {
        this.istanas = Objects.requireNonNull(istanas, "istanas is null");
    }

    /**
     * @param run             a two-stage or darts search run of the nas-bench-201 space
     * @param table           the NAS-Bench-201 table
     * @param sample          cells to draw (2..15,625)
     * @param seed            seed of the draw
     * @param batchStatistics score with batch-statistics BN (as NATS-Bench) instead of the running statistics
     * @param dataset         the table column to rank against
     * @param out             folder for pairs.csv and the scatter plot (created if absent)
     */
    public Result run(Path run, Path table, int sample, long seed, boolean batchStatistics, BenchmarkDataset dataset,
                      Path out, ProgressListener listener) throws IOException {
        if (sample < 2 || sample > Nb201Index.CELLS) {
            throw new org.istanas.api.UsageException("--sample must be in 2.." + Nb201Index.CELLS + ", got " + sample);
        }
        String space = istanas.runSpace(run);
        if (!space.equals(Nb201Cell.SPACE)) {
            throw new org.istanas.api.UsageException(run + ": a search of the " + space + " space; supernet-rank "
                    + "needs a nas-bench-201 run, whose cells the table holds");
        }
        BenchmarkTable benchmark = BenchmarkTable.read(table);
        int[] indices = draw(sample, seed);
        List<Pair> pairs = new ArrayList<>();
        int images;
        int epochs;
        try (SuperNetScorer scorer = istanas.openSuperNet(run)) {
            images = scorer.images();
            epochs = scorer.epochsTrained();
            for (int i = 0; i < indices.length; i++) {
                BenchmarkEntry entry = benchmark.at(indices[i]);
                double accuracy = scorer.accuracy(entry.cell(), batchStatistics);
                pairs.add(new Pair(entry.index(), entry.cell(), accuracy, entry.accuracy(dataset)));
                listener.message(String.format(Locale.ROOT, "cell %d/%d (index %d): super-net %.4f, table %.2f",
                        i + 1, indices.length, entry.index(), accuracy, entry.accuracy(dataset)));
            }
        }
        double[] x = pairs.stream().mapToDouble(Pair::superNet).toArray();
        double[] y = pairs.stream().mapToDouble(Pair::benchmark).toArray();
        Files.createDirectories(out);
        StringBuilder csv = new StringBuilder("index,arch,supernet_acc,benchmark_" + dataset.id() + "\n");
        for (Pair p : pairs) {
            csv.append(p.index()).append(',').append(p.cell().arch()).append(',').append(p.superNet()).append(',')
                    .append(p.benchmark()).append('\n');
        }
        AtomicFiles.write(out.resolve("pairs.csv"), csv.toString());
        double tau = Kendall.tauB(x, y);
        double rho = Spearman.rho(x, y);
        ScatterPlot plot = ScatterPlot.builder()
                .title(String.format(Locale.ROOT, "super-net vs table, %d cells: Kendall tau-b %.3f, Spearman rho %.3f",
                        pairs.size(), tau, rho))
                .xLabel("super-net accuracy on the validation split (" + (batchStatistics ? "batch" : "running")
                        + " BN statistics)")
                .yLabel("table: " + dataset.id() + " test accuracy (%)").build();
        plot.writePng(out.resolve("scatter.png"), x, y);
        plot.writeSvg(out.resolve("scatter.svg"), x, y);
        return new Result(List.copyOf(pairs), tau, rho, images, epochs, out);
    }

    /** {@code sample} distinct benchmark indices, a partial Fisher-Yates shuffle seeded by {@code seed}. */
    static int[] draw(int sample, long seed) {
        int[] all = new int[Nb201Index.CELLS];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < sample; i++) {
            int j = i + random.nextInt(all.length - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return java.util.Arrays.copyOf(all, sample);
    }
}
