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
    private final int nodes;
    private final double[][][] values;
    private String pendingWarning;
    private boolean warned;

    public SolverStats(int nodes) {
        this.nodes = nodes;
        this.values = new double[CellType.values().length][nodes][];
        clear();
    }

    /** Column names, per node {@code <support column>_iterations, _gap, _converged}, appended to codes.csv. */
    public List<String> columns(CodeLayout layout) {
        List<String> columns = new ArrayList<>();
        for (String node : layout.supportColumns()) {
            columns.add(node + "_iterations");
            columns.add(node + "_gap");
            columns.add(node + "_converged");
        }
        return columns;
    }

    /** Records the solve of a node; the first unconverged solve of the run becomes the pending warning. */
    public void record(CellType type, int node, LassoProblem problem, Recovery recovery, String solver) {
        double gap = problem.dualityGap(recovery.z());
        values[type.ordinal()][node] = new double[] {recovery.iterations(), gap, recovery.converged() ? 1 : 0};
        if (!recovery.converged() && !warned) {
            warned = true;
            pendingWarning = String.format(Locale.ROOT, "warning: solver %s did not converge for %s node %d (%s);"
                    + " its support may differ from the LASSO optimum's (reported once per run; see the _converged"
                    + " columns of codes.csv)", solver, CodeLayout.prefix(type), node + 2, recovery.note());
        }
    }

    /** Forgets the recorded solves: nodes not solved before the next {@link #row} get NaN columns. */
    public void clear() {
        for (double[][] type : values) {
            for (int j = 0; j < nodes; j++) {
                type[j] = new double[] {Double.NaN, Double.NaN, Double.NaN};
            }
        }
    }

    /** The values in {@link #columns} order. */
    public List<Double> row() {
        List<Double> row = new ArrayList<>();
        for (CellType type : CellType.values()) {
            for (int j = 0; j < nodes; j++) {
                for (double v : values[type.ordinal()][j]) {
                    row.add(v);
                }
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
