package org.istanas.ops.engine.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.istanas.api.op.CandidateOperation;
import org.istanas.ops.OpsPlugin;
import org.istanas.api.op.NoneOperation;
import org.istanas.ops.engine.nn.FactorizedReduce;
import org.istanas.ops.engine.nn.Identity;
import org.istanas.ops.engine.nn.Layer;
import org.istanas.ops.engine.nn.Sequential;
import org.istanas.ops.engine.nn.Zero;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Issue 13: the official search cells (ista_nas/search/models/model_search.py MixedOp, quark0/darts
 * cnn/model_search.py MixedOp) append the affine-free BN to the pools only; {@code bnAfterReduceSkip} adds it to
 * the stride-2 skip_connect (FactorizedReduce) too, as this project did before.
 */
final class SearchCellBatchNormTest {
    private static List<CandidateOperation> dartsOps() {
        List<CandidateOperation> ops = new ArrayList<>();
        ops.add(new NoneOperation());
        ops.addAll(OpsPlugin.paperOperations());
        return ops;
    }

    private static SearchCell reductionCell(boolean bnAfterReduceSkip) {
        return new SearchCell("cell", DataType.FLOAT, 1, true, false, 4, 4, 4, 2, dartsOps(), false, true,
                bnAfterReduceSkip);
    }

    @Test
    void reduceSkipGetsTheBatchNormOnlyWhenAsked() {
        // op order: none, max_pool, avg_pool, skip_connect, ...; input 0 of a reduction cell has stride 2
        SearchCell official = reductionCell(false);
        assertThat(official.operation(0, 0, 3)).isInstanceOf(FactorizedReduce.class);
        assertThat(official.operation(0, 0, 1)).isInstanceOf(Sequential.class); // max pool + BN
        assertThat(official.operation(0, 0, 0)).isInstanceOf(Zero.class); // none: no BN
        SearchCell former = reductionCell(true);
        Layer skip = former.operation(0, 0, 3);
        assertThat(skip).isInstanceOf(Sequential.class);
        assertThat(((Sequential) skip).layers().get(0)).isInstanceOf(FactorizedReduce.class);
        // stride 1 (node 3's input from node 2): the identity never gets one
        assertThat(former.operation(1, 2, 3)).isInstanceOf(Identity.class);
        List<INDArray> officialBuffers = new ArrayList<>();
        List<INDArray> formerBuffers = new ArrayList<>();
        official.collectBuffers(officialBuffers);
        former.collectBuffers(formerBuffers);
        // one BN (mean, variance) less per stride-2 skip: inputs 0 and 1 of both nodes
        assertThat(formerBuffers.size() - officialBuffers.size()).isEqualTo(2 * 4);
        official.close();
        former.close();
    }

    @Test
    void zeroOutputsZerosAtTheStrideAndPassesNoGradient() {
        Zero zero = new Zero(2);
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 3, 5, 5).addi(1);
        INDArray y = zero.forward(x, true);
        assertThat(y.shape()).containsExactly(2, 3, 3, 3); // ceil(5 / 2), as x[:, :, ::2, ::2]
        assertThat(y.sumNumber().doubleValue()).isZero();
        INDArray g = zero.backward(Nd4j.ones(DataType.FLOAT, 2, 3, 3, 3));
        assertThat(g.shape()).isEqualTo(x.shape());
        assertThat(g.sumNumber().doubleValue()).isZero();
        zero.close();
    }
}
