package org.istanas.ops.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.istanas.api.genotype.Genotype;
import org.istanas.api.genotype.GenotypeEdge;
import org.istanas.api.genotype.Genotypes;
import org.istanas.api.network.TargetNetworkSpec.Layout;
import org.junit.jupiter.api.Test;

final class ParameterCounterTest {
    private final ParameterCounter counter = ParameterCounter.builtIn();

    private long cifar(Genotype g, boolean oneStageBn) {
        return counter.count(ParameterCounter.Request.defaults(g, Layout.CIFAR).withOneStageBn(oneStageBn));
    }

    private static double millions(long count) {
        return Math.round(count / 1000.0) / 1000.0;
    }

    @Test
    void dartsV2OnCifarHasThePublishedCount() {
        assertThat(cifar(Genotypes.DARTS_V2, false)).isEqualTo(3_349_342L);
        assertThat(counter.count(ParameterCounter.Request.defaults(Genotypes.DARTS_V2, Layout.CIFAR)
                .withAuxiliary(true))).isEqualTo(3_825_768L);
    }

    @Test
    void istaGenotypesMatchTheReportedSizes() {
        // paper digest 3.5 (official model definitions), to the reported precision
        assertThat(millions(cifar(Genotypes.ISTA_TWOSTAGE, false))).isEqualTo(3.317);
        assertThat(millions(cifar(Genotypes.ISTA_TWOSTAGE, true))).isEqualTo(3.324);
        assertThat(millions(cifar(Genotypes.ISTA_ONESTAGE, false))).isEqualTo(3.364);
        assertThat(millions(cifar(Genotypes.ISTA_ONESTAGE, true))).isEqualTo(3.372);
        assertThat(millions(cifar(Genotypes.DARTS_V2, true))).isEqualTo(3.359);
    }

    @Test
    void imagenetNetworksMatchTheReportedSizes() {
        ParameterCounter.Request imagenet = ParameterCounter.Request.defaults(Genotypes.ISTA_IMAGENET, Layout.IMAGENET);
        assertThat(millions(counter.count(imagenet))).isEqualTo(5.651);
        assertThat(millions(counter.count(imagenet.withOneStageBn(true)))).isEqualTo(5.655);
        assertThat(millions(counter.count(ParameterCounter.Request.defaults(Genotypes.DARTS_V2, Layout.IMAGENET))))
                .isEqualTo(4.719);
    }

    @Test
    void smallNetworkCountMatchesAHandCount() {
        // 1 normal cell of one node: skip_connect(0) + max_pool_3x3(1), concat [2]; C = 2, 3 cells, 2 classes.
        Genotype tiny = new Genotype(List.of(new GenotypeEdge("skip_connect", 0), new GenotypeEdge("max_pool_3x3", 1)),
                List.of(2), List.of(new GenotypeEdge("skip_connect", 0), new GenotypeEdge("max_pool_3x3", 1)),
                List.of(2));
        // stem: conv 3->6 (162) + BN 6 (12) = 174
        // cell0 (normal, C=2): pre0 6->2 conv 12 + bn 4, pre1 same: 32; ops parameter-free; out 2
        // cell1 (reduce, C=4): pre0 6->4: 24+8, pre1 2->4: 8+8 = 48; skip stride 2 = FactorizedReduce 4->4:
        //   two 4x2 convs (16) + BN 8 = 24; out 4
        // cell2 (reduce, C=8, reduction_prev): pre0 FactorizedReduce 2->8: 2x(2x4)=16 + bn 16 = 32, pre1 4->8:
        //   32+16 = 48; FactorizedReduce 8->8: 2x(8x4) = 64 + 16 = 80; out 8
        // classifier 8*2+2 = 18
        long expected = 174 + 32 + (48 + 24) + (32 + 48 + 80) + 18;
        assertThat(counter.count(new ParameterCounter.Request(tiny, Layout.CIFAR, 2, 3, 2, false, false)))
                .isEqualTo(expected);
        // one-stage BN: + BN after stride-1 identity (cell0: 4) and after every max pool (cells 0,1,2: 4, 8, 16)
        assertThat(counter.count(new ParameterCounter.Request(tiny, Layout.CIFAR, 2, 3, 2, true, false)))
                .isEqualTo(expected + 4 + 4 + 8 + 16);
    }

    @Test
    void unknownOperationIsNamed() {
        Genotype bad = new Genotype(List.of(new GenotypeEdge("conv_9x9", 0), new GenotypeEdge("max_pool_3x3", 1)),
                List.of(2), List.of(new GenotypeEdge("skip_connect", 0), new GenotypeEdge("max_pool_3x3", 1)),
                List.of(2));
        assertThatThrownBy(() -> counter.count(new ParameterCounter.Request(bad, Layout.CIFAR, 4, 3, 2, false, false)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("conv_9x9")
                .hasMessageContaining("normal");
    }
}
