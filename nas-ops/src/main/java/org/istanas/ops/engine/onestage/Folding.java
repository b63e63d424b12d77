package org.istanas.ops.engine.onestage;

import java.util.LinkedHashMap;
import java.util.Map;
import org.istanas.api.genotype.CellType;
import org.istanas.api.genotype.Genotype;
import org.istanas.api.network.SearchNetworkSpec;
import org.istanas.api.network.TargetNetworkSpec;
import org.istanas.api.op.CandidateOperation;
import org.istanas.ops.engine.nn.BatchNorm;
import org.istanas.ops.engine.nn.Layer;
import org.istanas.ops.engine.nn.LayerState;
import org.istanas.ops.engine.search.NodeCodes;
import org.istanas.ops.engine.targetnet.Cell;
import org.istanas.ops.engine.targetnet.Nd4jTargetNetwork;
import org.istanas.ops.engine.targetnet.OpLayers;
import org.istanas.ops.engine.targetnet.TargetNetworks;

/**
 * Folds the one-stage super-net into the target network of its genotype: every weight and batch-norm buffer is
 * copied, and each edge's z is multiplied into the affine parameters of its op's trailing batch norm, so the folded
 * network computes what the super-net computes with the support's weights.
 */
final class Folding {
    private Folding() {
    }

    static Nd4jTargetNetwork fold(Nd4jOneStageNetwork net, NodeCodes codes) {
        SearchNetworkSpec spec = net.spec();
        Genotype genotype = SupportGenotype.of(spec, codes);
        Map<String, CandidateOperation> byName = new LinkedHashMap<>();
        spec.operations().forEach(op -> byName.put(op.name(), op));
        TargetNetworkSpec targetSpec = new TargetNetworkSpec(genotype, net.layout(), spec.input(), spec.classes(),
                spec.channels(), spec.layers(), spec.auxiliaryWeight(), true, byName, spec.seed());
        Nd4jTargetNetwork target = TargetNetworks.build(targetSpec, net.dataType());
        try {
            copy(net.stem().stem0(), target.stem().stem0(), "stem");
            if (!net.stem().single()) {
                copy(net.stem().stem1(), target.stem().stem1(), "stem1");
            }
            int count = spec.operations().size();
            for (int c = 0; c < net.cells().size(); c++) {
                Cell from = net.cells().get(c);
                Cell to = target.cells().get(c);
                copy(from.preprocess0(), to.preprocess0(), "cell" + c + " preprocess0");
                copy(from.preprocess1(), to.preprocess1(), "cell" + c + " preprocess1");
                CellType type = from.reduction() ? CellType.REDUCE : CellType.NORMAL;
                for (int j = 0; j < spec.nodes(); j++) {
                    int[] order = SupportGenotype.foldOrder(codes, type, j);
                    double[] z = codes.nodeWeights(type, j);
                    for (int e = 0; e < 2; e++) {
                        int k = order[e];
                        Layer source = net.op(c, j, k / count, k % count);
                        Layer dest = to.edges(j).get(e).op();
                        copy(source, dest, "cell" + c + " node " + j + " op " + k);
                        BatchNorm last = OpLayers.trailingBatchNorm(dest);
                        if (last == null) {
                            throw new IllegalStateException("op " + spec.operations().get(k % count).name()
                                    + " of the folded network does not end in a batch norm");
                        }
                        last.scaleAffine(z[k]);
                    }
                }
            }
            copy(net.classifier(), target.classifier(), "classifier");
            if (net.auxiliaryHead() != null) {
                copy(net.auxiliaryHead(), target.auxiliaryHead(), "auxiliary head");
            }
            target.setDropPathProbability(net.dropPathProbability());
            target.setLabelSmoothing(net.labelSmoothing());
            return target;
        } catch (RuntimeException e) {
            target.close();
            throw e;
        }
    }

    private static void copy(Layer from, Layer to, String what) {
        LayerState.copy(from, to, what);
    }
}
