package org.istanas.ops.engine.targetnet;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.ToIntFunction;
import org.istanas.api.network.TargetNetworkSpec.Layout;

/**
 * Channel bookkeeping of the DARTS network skeleton ({@code NetworkCIFAR}/{@code NetworkImageNet}): reductions at
 * layers/3 and 2*layers/3 double the channels; each cell's inputs come from the two previous cells.
 */
public final class NetworkPlan {
    /** DARTS CIFAR stem multiplier: the stem outputs 3C channels. */
    public static final int STEM_MULTIPLIER = 3;

    /**
     * One cell's shape.
     *
     * @param prevPrevChannels channels of input 0 (c_{k-2})
     * @param prevChannels     channels of input 1 (c_{k-1})
     * @param channels         C of every node of this cell
     * @param reduction        whether the cell halves H and W
     * @param reductionPrev    whether input 0 has twice the resolution of input 1 (FactorizedReduce preprocess)
     * @param outputChannels   multiplier * C
     */
    public record CellShape(int index, int prevPrevChannels, int prevChannels, int channels, boolean reduction,
                            boolean reductionPrev, int outputChannels) {
    }

    private NetworkPlan() {
    }

    public static boolean isReduction(int index, int layers) {
        return index == layers / 3 || index == 2 * layers / 3;
    }

    /** The cell that feeds the auxiliary head (DARTS: 2 * layers / 3). */
    public static int auxiliaryCell(int layers) {
        return 2 * layers / 3;
    }

    /**
     * @param multiplier number of concatenated nodes of a normal (false) or reduction (true) cell
     */
    public static List<CellShape> cells(Layout layout, int channels, int layers,
                                        ToIntFunction<Boolean> multiplier) {
        if (channels < 1 || layers < 1) {
            throw new IllegalArgumentException("channels and layers must be >= 1, got " + channels + ", " + layers);
        }
        int stem = layout == Layout.CIFAR ? STEM_MULTIPLIER * channels : channels;
        int prevPrev = stem;
        int prev = stem;
        int current = channels;
        boolean reductionPrev = layout == Layout.IMAGENET;
        List<CellShape> shapes = new ArrayList<>();
        IntPredicate reduction = i -> isReduction(i, layers);
        for (int i = 0; i < layers; i++) {
            boolean reduce = reduction.test(i);
            if (reduce) {
                current *= 2;
            }
            int out = multiplier.applyAsInt(reduce) * current;
            shapes.add(new CellShape(i, prevPrev, prev, current, reduce, reductionPrev, out));
            reductionPrev = reduce;
            prevPrev = prev;
            prev = out;
        }
        return shapes;
    }
}
