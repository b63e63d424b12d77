package org.istanas.api.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.istanas.api.data.ImageShape;
import org.istanas.api.genotype.Genotypes;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 7: which image sides a DARTS-skeleton network takes, worked by hand. CIFAR layout: each of the two
 * reduction cells halves an even side. ImageNet layout: the stem gives ceil(ceil(s/2)/2), which the first cell's
 * FactorizedReduce halves (even needed), then the two reductions.
 */
final class NetworkInputsTest {
    private static final TargetNetworkSpec.Layout CIFAR = TargetNetworkSpec.Layout.CIFAR;
    private static final TargetNetworkSpec.Layout IMAGENET = TargetNetworkSpec.Layout.IMAGENET;

    @Test
    void cifarSidesMustHalveTwice() {
        assertThat(NetworkInputs.fits(32, CIFAR, 8)).isTrue();  // 32 -> 16 -> 8
        assertThat(NetworkInputs.fits(28, CIFAR, 8)).isTrue();  // 28 -> 14 -> 7 (Fashion-MNIST)
        assertThat(NetworkInputs.fits(4, CIFAR, 20)).isTrue();  // 4 -> 2 -> 1
        assertThat(NetworkInputs.fits(30, CIFAR, 8)).isFalse(); // 30 -> 15, odd at the second reduction
        assertThat(NetworkInputs.fits(2, CIFAR, 8)).isFalse();  // 2 -> 1, odd
        assertThat(NetworkInputs.fits(2, CIFAR, 1)).isTrue();   // one cell: one reduction
        assertThat(NetworkInputs.reductions(1)).isEqualTo(1);
        assertThat(NetworkInputs.reductions(2)).isEqualTo(2);   // cells 0 and 1
        assertThat(NetworkInputs.multiple(CIFAR, 8)).isEqualTo(4);
    }

    @Test
    void imagenetSidesMustHalveThroughTheStemAndTheFirstCell() {
        assertThat(NetworkInputs.fits(224, IMAGENET, 14)).isTrue(); // 112, 56 | 28 | 14, 7
        assertThat(NetworkInputs.fits(221, IMAGENET, 14)).isTrue(); // 111, 56 | 28 | 14, 7
        assertThat(NetworkInputs.fits(220, IMAGENET, 14)).isFalse(); // 110, 55: odd for FactorizedReduce
        assertThat(NetworkInputs.fits(200, IMAGENET, 14)).isFalse(); // 100, 50 | 25: odd at the first reduction
        assertThat(NetworkInputs.fits(64, IMAGENET, 14)).isTrue();  // 32, 16 | 8 | 4, 2
        assertThat(NetworkInputs.multiple(IMAGENET, 14)).isEqualTo(32);
    }

    @Test
    void theErrorNamesTheShapeTheNetworkAndTheSidesThatFit() {
        assertThatThrownBy(() -> NetworkInputs.requireFits(new ImageShape(3, 32, 30), CIFAR, 8))
                .isInstanceOf(InputSizeException.class)
                .hasMessage("images of 3x32x30 do not fit the cifar network of 8 cells: its 2 reduction cells halve "
                        + "height and width, each needing an even side (FactorizedReduce), so height and width must "
                        + "be multiples of 4, e.g. 28 or 32")
                .satisfies(e -> {
                    assertThat(((InputSizeException) e).side()).isEqualTo(30);
                    assertThat(((InputSizeException) e).multiple()).isEqualTo(4);
                });
        assertThatThrownBy(() -> NetworkInputs.requireFits(new ImageShape(3, 20, 20), IMAGENET, 14))
                .hasMessageContaining("multiples of 32, e.g. 32");
    }

    @Test
    void aTargetNetworkSpecRefusesASideThatDoesNotFit() {
        assertThatThrownBy(() -> new TargetNetworkSpec(Genotypes.resolve("DARTS_V2"), CIFAR, new ImageShape(3, 30, 30),
                10, 16, 8, 0, false, Map.of(), 0)).isInstanceOf(InputSizeException.class);
        assertThat(new TargetNetworkSpec(Genotypes.resolve("DARTS_V2"), IMAGENET, new ImageShape(3, 224, 224),
                1000, 48, 14, 0, false, Map.of(), 0).input().height()).isEqualTo(224);
    }
}
