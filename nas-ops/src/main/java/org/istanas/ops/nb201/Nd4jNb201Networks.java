package org.istanas.ops.nb201;

import org.istanas.api.network.DenseSearchNetwork;
import org.istanas.api.network.SparseSearchNetwork;
import org.istanas.api.space.Architecture;
import org.istanas.api.space.SpaceSearchSpec;
import org.istanas.api.space.SpaceNetworks;
import org.istanas.api.space.StandaloneModel;
import org.istanas.api.space.StandaloneRequest;
import org.istanas.api.space.nb201.Nb201Cell;

/** The ND4J engine's networks of the {@code nas-bench-201} space. */
public final class Nd4jNb201Networks implements SpaceNetworks {
    @Override
    public StandaloneModel standalone(Architecture architecture, StandaloneRequest request) {
        if (!(architecture instanceof Nb201Cell cell)) {
            throw new IllegalArgumentException("not a nas-bench-201 cell but a " + architecture.space()
                    + " architecture");
        }
        for (int e = 0; e < Nb201Cell.EDGES; e++) {
            if (!Nb201Cell.OPERATIONS.contains(cell.op(e))) {
                throw new IllegalArgumentException("edge " + e + ": unknown nas-bench-201 operation '" + cell.op(e)
                        + "'; known: " + Nb201Cell.OPERATIONS);
            }
        }
        return new Nb201Network(cell, request.input().channels(), request.classes(), request.seed());
    }

    @Override
    public DenseSearchNetwork denseSearchNetwork(SpaceSearchSpec spec) {
        return new Nd4jNb201DenseSearchNetwork(spec, org.nd4j.linalg.api.buffer.DataType.FLOAT);
    }

    @Override
    public SparseSearchNetwork sparseSearchNetwork(SpaceSearchSpec spec) {
        return new Nd4jNb201SparseSearchNetwork(spec, org.nd4j.linalg.api.buffer.DataType.FLOAT);
    }
}
