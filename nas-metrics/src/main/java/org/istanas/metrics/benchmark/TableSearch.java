package org.istanas.metrics.benchmark;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.istanas.api.space.nb201.Nb201Cell;
import org.istanas.api.space.nb201.Nb201Index;

/**
 * The two multi-trial baselines that use only the table, as NASLib and the NB201 paper run them: {@code random}
 * search and regularised evolution ({@code evolution}, REA; Real et al. 2019). The budget counts table queries
 * (each one stands for training a cell); the fitness is the table accuracy of the chosen dataset. The CSV export
 * holds only test accuracies, so these baselines select on test accuracy and are optimistic compared to the paper's
 * validation-based rows (which the export does not carry). Seeded: the same seed and table give the same result.
 */
public final class TableSearch {
    private final BenchmarkTable table;
    private final BenchmarkDataset fitness;

    public TableSearch(BenchmarkTable table, BenchmarkDataset fitness) {
        this.table = Objects.requireNonNull(table, "table is null");
        this.fitness = Objects.requireNonNull(fitness, "fitness is null");
    }

    /** {@code budget} distinct cells drawn uniformly at random; the best one is kept. */
    public TableSearchResult random(int budget, long seed) {
        checkBudget(budget);
        Random random = new Random(seed);
        Set<Integer> seen = new HashSet<>();
        Tracker tracker = new Tracker();
        while (tracker.queries < budget) {
            int index = random.nextInt(Nb201Index.CELLS);
            if (seen.add(index)) {
                tracker.query(table.at(index));
            }
        }
        return tracker.result("random", seed);
    }

    /**
     * Regularised evolution: a population of {@code population} random cells; then, until the budget is spent,
     * the best of {@code sample} members drawn at random is mutated (one edge gets another operation), the child is
     * queried and joins the population, and the oldest member leaves.
     */
    public TableSearchResult evolution(int budget, int population, int sample, long seed) {
        checkBudget(budget);
        if (population < 1 || sample < 1 || sample > population) {
            throw new IllegalArgumentException("evolution needs population >= 1 and 1 <= sample <= population; got "
                    + "population " + population + ", sample " + sample);
        }
        Random random = new Random(seed);
        Tracker tracker = new Tracker();
        Deque<BenchmarkEntry> alive = new ArrayDeque<>();
        while (alive.size() < population && tracker.queries < budget) {
            BenchmarkEntry entry = table.at(random.nextInt(Nb201Index.CELLS));
            tracker.query(entry);
            alive.addLast(entry);
        }
        List<BenchmarkEntry> members = new ArrayList<>();
        while (tracker.queries < budget) {
            members.clear();
            members.addAll(alive);
            BenchmarkEntry parent = null;
            for (int i = 0; i < sample; i++) {
                BenchmarkEntry candidate = members.get(random.nextInt(members.size()));
                if (parent == null || candidate.accuracy(fitness) > parent.accuracy(fitness)) {
                    parent = candidate;
                }
            }
            BenchmarkEntry child = table.lookup(mutate(parent.cell(), random));
            tracker.query(child);
            alive.addLast(child);
            alive.removeFirst();
        }
        return tracker.result("evolution", seed);
    }

    /** One random edge gets a different, uniformly chosen operation. */
    static Nb201Cell mutate(Nb201Cell cell, Random random) {
        List<String> ops = new ArrayList<>(cell.ops());
        int edge = random.nextInt(Nb201Cell.EDGES);
        List<String> others = new ArrayList<>(Nb201Cell.OPERATIONS);
        others.remove(ops.get(edge));
        ops.set(edge, others.get(random.nextInt(others.size())));
        return new Nb201Cell(ops);
    }

    private static void checkBudget(int budget) {
        if (budget < 1 || budget > Nb201Index.CELLS) {
            throw new IllegalArgumentException("budget must be 1.." + Nb201Index.CELLS + " queries, got " + budget);
        }
    }

    /** Counts queries and keeps the best entry and the best-so-far curve. */
    private final class Tracker {
        int queries;
        BenchmarkEntry best;
        final List<Double> trajectory = new ArrayList<>();

        void query(BenchmarkEntry entry) {
            queries++;
            if (best == null || entry.accuracy(fitness) > best.accuracy(fitness)) {
                best = entry;
            }
            trajectory.add(best.accuracy(fitness));
        }

        TableSearchResult result(String method, long seed) {
            return new TableSearchResult(method, seed, best, queries, trajectory);
        }
    }
}
