package org.istanas.ops.export;

import java.util.List;

/**
 * Writes one cell type of a search space. {@link NetworkGraph} picks the exporter by the cell's class, so another
 * space's cells (NAS-Bench-201's) are added as another implementation.
 */
public interface CellExporter<C> {
    /**
     * @param cell      the cell
     * @param opNames   operation name of each edge, node by node, in edge order
     * @param s0        output of the cell two back (or the stem)
     * @param s1        output of the previous cell (or the stem)
     */
    Tensor write(C cell, List<String> opNames, Tensor s0, Tensor s1, ExportScope scope, OperationExporters ops);
}
