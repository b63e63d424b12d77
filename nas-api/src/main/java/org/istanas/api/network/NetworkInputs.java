package org.istanas.api.network;

import java.util.Locale;
import java.util.Objects;
import org.istanas.api.data.ImageShape;

/**
 * Which image sizes a network of the DARTS skeleton accepts. Every reduction cell halves height and width, and its
 * FactorizedReduce (the stride-2 {@code skip_connect}, and the preprocessing of the next cell's first input) needs an
 * even side, as PyTorch's concatenation does. The ImageNet layout's stem first divides the side by 4 (two stride-2
 * 3x3 convolutions, padding 1, each giving ceil(side/2)) and its first cell reduces that output once more. A size that
 * does not fit would fail deep inside the first training step; checking it when the network is specified lets the
 * error say which sizes do fit.
 */
public final class NetworkInputs {
    private NetworkInputs() {
    }

    /**
     * @throws InputSizeException when the height or width of {@code input} does not halve evenly through the stem and
     *                            the reduction cells of a {@code layers}-cell network of {@code layout}
     */
    public static void requireFits(ImageShape input, TargetNetworkSpec.Layout layout, int layers) {
        Objects.requireNonNull(input, "input is null");
        Objects.requireNonNull(layout, "layout is null");
        if (fits(input.height(), layout, layers) && fits(input.width(), layout, layers)) {
            return;
        }
        int reductions = reductions(layers);
        int multiple = multiple(layout, layers);
        int bad = fits(input.height(), layout, layers) ? input.width() : input.height();
        int below = bad / multiple * multiple;
        String examples = below >= multiple ? below + " or " + (below + multiple) : Integer.toString(below + multiple);
        String name = layout.name().toLowerCase(Locale.ROOT);
        String why = layout == TargetNetworkSpec.Layout.IMAGENET
                ? "its stem divides the side by 8 and its " + reductions + " reduction cells halve it " + reductions
                        + " more times, each needing an even side"
                : "its " + reductions + " reduction cells halve height and width, each needing an even side";
        throw new InputSizeException(String.format(Locale.ROOT, "images of %dx%dx%d do not fit the %s network of %d "
                        + "cells: %s (FactorizedReduce), so height and width must be multiples of %d, e.g. %s",
                input.channels(), input.height(), input.width(), name, layers, why, multiple, examples), bad, multiple);
    }

    /** Whether a side of {@code side} pixels halves evenly through the network. */
    static boolean fits(int side, TargetNetworkSpec.Layout layout, int layers) {
        int s = side;
        if (layout == TargetNetworkSpec.Layout.IMAGENET) {
            s = ceilHalf(ceilHalf(s));
            if (s % 2 != 0) { // the first cell's FactorizedReduce of the stem's first output
                return false;
            }
            s /= 2;
        }
        for (int i = 0; i < reductions(layers); i++) {
            if (s % 2 != 0) {
                return false;
            }
            s /= 2;
        }
        return s >= 1;
    }

    /** The side that always fits: 2^reductions for CIFAR, 8 * 2^reductions for ImageNet. */
    static int multiple(TargetNetworkSpec.Layout layout, int layers) {
        int m = 1 << reductions(layers);
        return layout == TargetNetworkSpec.Layout.IMAGENET ? 8 * m : m;
    }

    /** Reduction cells at layers/3 and 2*layers/3 (one when they coincide, as for fewer than 3 cells). */
    static int reductions(int layers) {
        if (layers < 1) {
            return 0;
        }
        return layers / 3 == 2 * layers / 3 ? 1 : 2;
    }

    private static int ceilHalf(int side) {
        return (side + 1) / 2;
    }
}
