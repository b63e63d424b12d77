package org.istanas.api.network;

import org.istanas.api.genotype.CellType;

/** The DARTS super-net: every op of every edge computed, mixed by a softmax over the edge's alphas. */
public interface DenseSearchNetwork extends TrainableNetwork {
    /** The alphas of both cell types (Adam updates them). */
    ParameterGroup architecture();

    /** Alphas [edge][op] of a cell type; edges of node j follow those of nodes < j, input order inside. */
    double[][] alphas(CellType type);

    void setAlphas(CellType type, double[][] alphas);
}
