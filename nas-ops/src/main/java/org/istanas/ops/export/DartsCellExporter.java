package org.istanas.ops.export;

import java.util.ArrayList;
import java.util.List;
import org.istanas.ops.engine.targetnet.Cell;
import org.istanas.ops.engine.targetnet.Edge;

/**
 * A DARTS cell: preprocessing of both inputs (ReLU-conv1x1-BN or FactorizedReduce), each intermediate node the
 * sum of its edges' ops (times the edge weight where it is not 1), and the concatenation of the output nodes.
 */
public final class DartsCellExporter implements CellExporter<Cell> {
    @Override
    public Tensor write(Cell cell, List<String> opNames, Tensor s0, Tensor s1, ExportScope scope,
                        OperationExporters ops) {
        List<Tensor> states = new ArrayList<>();
        states.add(scope.child("pre0", scope.operation() + " preprocessing of input 0").write(cell.preprocess0(), s0));
        states.add(scope.child("pre1", scope.operation() + " preprocessing of input 1").write(cell.preprocess1(), s1));
        int position = 0;
        for (int node = 0; node < cell.nodeCount(); node++) {
            List<Edge> edges = cell.edges(node);
            if (edges.isEmpty()) {
                throw new UnsupportedExportException(scope.operation() + " node " + node + " has no edge (a zero"
                        + " node); only trained target networks with two edges per node can be exported");
            }
            List<Tensor> terms = new ArrayList<>();
            for (int e = 0; e < edges.size(); e++) {
                Edge edge = edges.get(e);
                String op = opNames.get(position++);
                ExportScope opScope = scope.child("n" + node + "/e" + e + "_" + op,
                        "'" + op + "' (" + scope.operation() + ", node " + node + ", edge " + e + ")");
                Tensor y = ops.exporter(op).write(edge.op(), states.get(edge.input()), opScope);
                terms.add(edge.weight() == 1 ? y : scope.writer().scale(opScope.name("weight"), y, edge.weight()));
            }
            states.add(scope.writer().add(scope.prefix() + "/n" + node, terms));
        }
        List<Tensor> out = new ArrayList<>();
        for (int c : cell.concat()) {
            out.add(states.get(c));
        }
        return scope.writer().concat(scope.prefix() + "/out", out);
    }
}
