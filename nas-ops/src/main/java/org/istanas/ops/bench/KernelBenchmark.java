package org.istanas.ops.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.istanas.ops.engine.Backend;
import org.istanas.ops.engine.nn.BatchNorm;
import org.istanas.ops.engine.nn.Conv2d;
import org.istanas.ops.engine.nn.DepthwiseConv2d;
import org.istanas.ops.engine.nn.FactorizedReduce;
import org.istanas.ops.engine.nn.Layer;
import org.istanas.ops.engine.nn.Pool;
import org.istanas.ops.engine.nn.Relu;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Forward+backward time of each engine layer on one [N, C, H, W] tensor (median of repeats, ms). */
public final class KernelBenchmark {
    private KernelBenchmark() {
    }

    /** ReLU with libnd4j's relu_bp, for comparison with the engine's Java backward pass. */
    private static final class NativeRelu implements Layer {
        private INDArray input;
        private INDArray output;
        private INDArray gradInput;

        @Override
        public INDArray forward(INDArray x, boolean training) {
            input = x;
            output = org.istanas.ops.engine.nn.Buffers.ensure(output, x.dataType(), x.shape());
            org.istanas.ops.engine.nn.NativeOps.relu(x, output);
            return output;
        }

        @Override
        public INDArray backward(INDArray g) {
            gradInput = org.istanas.ops.engine.nn.Buffers.ensure(gradInput, g.dataType(), g.shape());
            org.istanas.ops.engine.nn.NativeOps.reluBackward(input, g, gradInput);
            return gradInput;
        }
    }

    static double time(Layer layer, INDArray x, INDArray g, int repeats) {
        double[] t = new double[repeats];
        for (int r = -2; r < repeats; r++) {
            long t0 = System.nanoTime();
            layer.forward(x, true);
            layer.backward(g);
            if (r >= 0) {
                t[r] = (System.nanoTime() - t0) / 1e6;
            }
        }
        Arrays.sort(t);
        return t[repeats / 2];
    }

    public static void main(String[] args) {
        System.out.println(Backend.initialize());
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int c = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int hw = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 7;
        INDArray x = Nd4j.randn(DataType.FLOAT, n, c, hw, hw);
        SplittableRandom random = new SplittableRandom(1);
        DataType f = DataType.FLOAT;
        Object[][] cases = {
            {"relu", (Supplier<Layer>) Relu::new, 1},
            {"relu (native relu_bp)", (Supplier<Layer>) NativeRelu::new, 1},
            {"relu", (Supplier<Layer>) Relu::new, 1},
            {"relu (native relu_bp)", (Supplier<Layer>) NativeRelu::new, 1},
            {"conv1x1", (Supplier<Layer>) () -> new Conv2d("c", f, random, c, c, 1, 1, 0), 1},
            {"dw3x3", (Supplier<Layer>) () -> new DepthwiseConv2d("d", f, random, c, 3, 1, 1, 1,
                    DepthwiseConv2d.DilationMode.AUTO), 1},
            {"dw5x5", (Supplier<Layer>) () -> new DepthwiseConv2d("d", f, random, c, 5, 1, 2, 1,
                    DepthwiseConv2d.DilationMode.AUTO), 1},
            {"dw3x3 s2", (Supplier<Layer>) () -> new DepthwiseConv2d("d", f, random, c, 3, 2, 1, 1,
                    DepthwiseConv2d.DilationMode.AUTO), 2},
            {"dil3x3 space-to-batch", (Supplier<Layer>) () -> new DepthwiseConv2d("d", f, random, c, 3, 1, 2, 2,
                    DepthwiseConv2d.DilationMode.SPACE_TO_BATCH), 1},
            {"dil3x3 expanded", (Supplier<Layer>) () -> new DepthwiseConv2d("d", f, random, c, 3, 1, 2, 2,
                    DepthwiseConv2d.DilationMode.EXPANDED_KERNEL), 1},
            {"dil5x5 space-to-batch", (Supplier<Layer>) () -> new DepthwiseConv2d("d", f, random, c, 5, 1, 4, 2,
                    DepthwiseConv2d.DilationMode.SPACE_TO_BATCH), 1},
            {"dil5x5 expanded", (Supplier<Layer>) () -> new DepthwiseConv2d("d", f, random, c, 5, 1, 4, 2,
                    DepthwiseConv2d.DilationMode.EXPANDED_KERNEL), 1},
            {"batchnorm", (Supplier<Layer>) () -> new BatchNorm("b", f, c, false, false), 1},
            {"batchnorm+relu", (Supplier<Layer>) () -> new BatchNorm("b", f, c, false, true), 1},
            {"maxpool3x3", (Supplier<Layer>) () -> new Pool(Pool.Kind.MAX, 3, 1, 1, false), 1},
            {"maxpool3x3 s2", (Supplier<Layer>) () -> new Pool(Pool.Kind.MAX, 3, 2, 1, false), 2},
            {"avgpool3x3", (Supplier<Layer>) () -> new Pool(Pool.Kind.AVG, 3, 1, 1, false), 1},
            {"factorized reduce", (Supplier<Layer>) () -> new FactorizedReduce("f", f, random, c, c, false), 2},
        };
        for (Object[] row : cases) {
            @SuppressWarnings("unchecked")
            Layer layer = ((Supplier<Layer>) row[1]).get();
            int down = (Integer) row[2];
            INDArray g = Nd4j.randn(DataType.FLOAT, n, c, hw / down, hw / down);
            System.out.printf(Locale.ROOT, "%-24s %8.2f ms%n", row[0], time(layer, x, g, repeats));
            layer.close();
        }
    }
}
