package org.istanas.ops.nb201;

import org.istanas.api.network.DenseSearchNetwork;
import org.istanas.api.network.OneStageSearchNetwork;
import org.istanas.api.network.SparseSearchNetwork;
import org.istanas.api.network.TrainableNetwork;
import org.istanas.api.space.Architecture;
import org.istanas.api.space.SpaceSearchSpec;
import org.istanas.api.space.SpaceNetworks;
import org.istanas.api.space.StandaloneModel;
import org.istanas.api.space.StandaloneRequest;
import org.istanas.api.space.nb201.Nb201Cell;
import org.nd4j.linalg.api.buffer.DataType;

/** The ND4J engine's networks of the {@code nas-bench-201} space (float32). */
public final class Nd4jNb201Networks implements SpaceNetworks {
    @Override
    public StandaloneModel standalone(Architecture architecture, StandaloneRequest request) {
        return network(architecture, request);
    }

    /** The stand-alone network (C and N from the request, the benchmark's 16 and 5 by default), float32. */
    @Override
    public TrainableNetwork trainable(Architecture architecture, StandaloneRequest request) {
        return network(architecture, request);
    }

    private static Nb201Network network(Architecture architecture, StandaloneRequest request) {
        Nb201Cell cell = cell(architecture);
        return new Nb201Network(cell, request.input().channels(), request.classes(),
                request.channelsOr(Nb201Network.CHANNELS), request.cellsPerStageOr(Nb201Network.CELLS_PER_STAGE),
                false, DataType.FLOAT, request.seed());
    }

    private static Nb201Cell cell(Architecture architecture) {
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
        return cell;
    }

    @Override
    public DenseSearchNetwork denseSearchNetwork(SpaceSearchSpec spec) {
        return new Nd4jNb201DenseSearchNetwork(spec, DataType.FLOAT);
    }

    @Override
    public SparseSearchNetwork sparseSearchNetwork(SpaceSearchSpec spec) {
        return new Nd4jNb201SparseSearchNetwork(spec, DataType.FLOAT);
    }

    @Override
    public OneStageSearchNetwork oneStageNetwork(SpaceSearchSpec spec) {
        return new Nd4jNb201OneStageNetwork(spec, DataType.FLOAT);
    }
}
