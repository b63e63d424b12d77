package org.istanas.ops;

import java.util.List;
import org.istanas.api.op.CandidateOperation;
import org.istanas.api.space.SearchSpace;
import org.istanas.api.space.darts.DartsSpace;
import org.istanas.api.space.nb201.Nb201Space;
import org.istanas.api.spi.NasPlugin;
import org.istanas.ops.candidates.DilConv;
import org.istanas.ops.candidates.PoolOperation;
import org.istanas.ops.candidates.SepConv;
import org.istanas.ops.candidates.SkipConnect;
import org.istanas.ops.nb201.Nd4jNb201Networks;

/** Registers the seven DARTS candidate operations, in {@link Primitives#PAPER} order, and the built-in search spaces. */
public final class OpsPlugin implements NasPlugin {
    /** The paper's operations in z-layout order, freshly instantiated. */
    public static List<CandidateOperation> paperOperations() {
        return List.of(PoolOperation.max3x3(), PoolOperation.avg3x3(), new SkipConnect(), new SepConv(3),
                new SepConv(5), new DilConv(3), new DilConv(5));
    }

    @Override
    public List<CandidateOperation> operations() {
        return paperOperations();
    }

    /** The built-in spaces; their operations are looked up by name, so plugin spaces may reuse these. */
    @Override
    public List<SearchSpace> searchSpaces() {
        return List.of(new DartsSpace(), new Nb201Space(new Nd4jNb201Networks()));
    }
}
