package org.istanas.search.toolkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.istanas.api.genotype.CellType;
import org.istanas.api.solver.LassoProblem;
import org.istanas.api.solver.Recovery;

/**
 * The last solve of every node, for codes.csv: iterations, the duality gap at the solver's answer (computed here,
 * independently of the solver) and whether the solver converged. An unconverged solve can change the support, so
 * the first one of a run is reported once, as a warning the job adds to its epoch note.
 */
public final class SolverStats {
    /** Support column (metrics.csv) of each solved node, in codes.csv order. */
    private final List<String> slots;
    /** How messages name each node, e.g. {@code normal node 2}. */
    private final List<String> names;
    private final double[][] values;
    private String pendingWarning;
    private boolean warned;

    /** The nodes of both DARTS cell types (columns {@code normal_n2} ..., names {@code normal node 2} ...). */
    public SolverStats(int nodes) {
        this(dartsSlots(nodes, false), dartsSlots(nodes, true));
    }

    /**
     * @param slots support column of every node, in codes.csv order
     * @param names how messages name the same nodes
     */
    public SolverStats(List<String> slots, List<String> names) {
        if (slots.size() != names.size()) {
            throw new IllegalArgumentException(slots.size() + " slots but " + names.size() + " names");
        }
        this.slots = List.copyOf(slots);
        this.names = List.copyOf(names);
        this.values = new double[slots.size()][];
        clear();
    }

    private static List<String> dartsSlots(int nodes, boolean names) {
        List<String> slots = new ArrayList<>();
        for (CellType type : CellType.values()) {
            for (int j = 0; j < nodes; j++) {
                slots.add(CodeLayout.prefix(type) + (names ? " node " : "_n") + (j + 2));
            }
        }
        return slots;
    }

    /** Column names, per node {@code <support column>_iterations, _gap, _converged}, appended to codes.csv. */
    public List<String> columns() {
        List<String> columns = new ArrayList<>();
        for (String node : slots) {
            columns.add(node + "_iterations");
            columns.add(node + "_gap");
            columns.add(node + "_converged");
        }
        return columns;
    }

    /** Records the solve of a DARTS node (slot {@code type * nodes + node}). */
    public void record(CellType type, int node, LassoProblem problem, Recovery recovery, String solver) {
        record(type.ordinal() * (slots.size() / CellType.values().length) + node, problem, recovery, solver);
    }

    /** Records the solve of node {@code slot}; the first unconverged solve of the run becomes the pending warning. */
    public void record(int slot, LassoProblem problem, Recovery recovery, String solver) {
        double gap = problem.dualityGap(recovery.z());
        values[slot] = new double[] {recovery.iterations(), gap, recovery.converged() ? 1 : 0};
        if (!recovery.converged() && !warned) {
            warned = true;
            pendingWarning = String.format(Locale.ROOT, "warning: solver %s did not converge for %s (%s);"
                    + " its support may differ from the LASSO optimum's (reported once per run; see the _converged"
                    + " columns of codes.csv)", solver, names.get(slot), recovery.note());
        }
    }

    /** Forgets the recorded solves: nodes not solved before the next {@link #row} get NaN columns. */
    public void clear() {
        for (int i = 0; i < values.length; i++) {
            values[i] = new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
    }

    /** The values in {@link #columns} order. */
    public List<Double> row() {
        List<Double> row = new ArrayList<>();
        for (double[] slot : values) {
            for (double v : slot) {
                row.add(v);
            }
        }
        return row;
    }

    /** The warning not yet shown, or null; clears it. */
    public String takeWarning() {
        String warning = pendingWarning;
        pendingWarning = null;
        return warning;
    }

    /** The warning not yet shown (if any) appended to {@code note}; clears it. */
    public String withWarning(String note) {
        if (pendingWarning == null) {
            return note;
        }
        String result = note + "; " + pendingWarning;
        pendingWarning = null;
        return result;
    }
}
