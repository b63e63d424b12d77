package org.istanas.ops.engine.targetnet;

import java.util.List;
import org.istanas.api.data.ImageShape;
import org.istanas.api.genotype.Genotype;
import org.istanas.ops.engine.nn.Linear;
import org.istanas.api.network.TargetNetwork;
import org.nd4j.linalg.api.buffer.DataType;

/** A stand-alone network of a genotype on the ND4J layer stack; built by {@link TargetNetworks}. */
public final class Nd4jTargetNetwork extends CellNetwork implements TargetNetwork {
    private final Genotype genotype;
    private final boolean oneStageBn;

    Nd4jTargetNetwork(Genotype genotype, boolean oneStageBn, DataType dataType, ImageShape inputShape, int classes,
                      long seed, Stem stem, List<Cell> cells, int auxiliaryCell, AuxiliaryHead auxiliary,
                      double auxiliaryWeight, Linear classifier) {
        super(dataType, inputShape, classes, seed, stem, cells, auxiliaryCell, auxiliary, auxiliaryWeight,
                classifier);
        this.genotype = genotype;
        this.oneStageBn = oneStageBn;
    }

    @Override
    public Genotype genotype() {
        return genotype;
    }

    /** Whether parameter-free ops carry an appended BN (one-stage layout). */
    public boolean oneStageBn() {
        return oneStageBn;
    }
}
