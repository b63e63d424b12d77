package org.istanas.ops.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Pooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Writes a SameDiff graph. Trainable weights are SameDiff variables, BN running statistics constants; the input
 * is the placeholder {@code input} [-1, C, H, W]. Every op is a libnd4j op with a oneDNN path (depthwise and 1x1
 * convolutions rather than {@code sconv2d}, docs/engine.md).
 */
public final class SameDiffWriter implements GraphWriter {
    private final SameDiff sd = SameDiff.create();
    private final DataType type;
    private final Map<String, SDVariable> vars = new HashMap<>();
    private final List<String> outputs = new ArrayList<>();
    private String inputName;
    private int nodes;

    public SameDiffWriter(DataType type) {
        this.type = type;
    }

    private SDVariable v(Tensor t) {
        return vars.get(t.name());
    }

    private Tensor put(SDVariable var, int c, int h, int w) {
        vars.put(var.name(), var);
        nodes++;
        return new Tensor(var.name(), c, h, w);
    }

    private SDVariable weight(String name, INDArray a) {
        return sd.var(name, a.castTo(type).dup('c'));
    }

    private SDVariable constant(String name, INDArray a) {
        return sd.constant(name, a.castTo(type).dup('c'));
    }

    private static int out(int in, int kernel, int stride, int padding, int dilation) {
        return (in + 2 * padding - dilation * (kernel - 1) - 1) / stride + 1;
    }

    private static Conv2DConfig convConfig(long kernel, int stride, int padding, int dilation) {
        return Conv2DConfig.builder().kH(kernel).kW(kernel).sH(stride).sW(stride).pH(padding).pW(padding)
                .dH(dilation).dW(dilation).paddingMode(PaddingMode.VALID).dataFormat(Conv2DConfig.NCHW)
                .weightsFormat(WeightsFormat.YXIO).build();
    }

    @Override
    public Tensor input(String name, int channels, int height, int width) {
        inputName = name;
        return put(sd.placeHolder(name, type, -1, channels, height, width), channels, height, width);
    }

    @Override
    public Tensor relu(String name, Tensor x) {
        return put(sd.nn().relu(name, v(x), 0.0), x.channels(), x.height(), x.width());
    }

    @Override
    public Tensor conv(String name, Tensor x, INDArray w, int stride, int padding) {
        int k = (int) w.size(0);
        SDVariable y = sd.cnn().conv2d(name, v(x), weight(name + "/W", w), convConfig(k, stride, padding, 1));
        return put(y, (int) w.size(3), out(x.height(), k, stride, padding, 1), out(x.width(), k, stride, padding, 1));
    }

    @Override
    public Tensor depthwiseConv(String name, Tensor x, INDArray w, int stride, int padding, int dilation) {
        int k = (int) w.size(0);
        SDVariable y = sd.cnn().depthWiseConv2d(name, v(x), weight(name + "/W", w),
                convConfig(k, stride, padding, dilation));
        return put(y, x.channels(), out(x.height(), k, stride, padding, dilation),
                out(x.width(), k, stride, padding, dilation));
    }

    @Override
    public Tensor batchNorm(String name, Tensor x, INDArray mean, INDArray variance, INDArray gamma, INDArray beta,
                            double eps) {
        SDVariable g = gamma == null ? constant(name + "/gamma", Nd4j.ones(type, x.channels()))
                : weight(name + "/gamma", gamma);
        SDVariable b = beta == null ? constant(name + "/beta", Nd4j.zeros(type, x.channels()))
                : weight(name + "/beta", beta);
        SDVariable y = sd.nn().batchNorm(name, v(x), constant(name + "/mean", mean),
                constant(name + "/variance", variance), g, b, eps, 1);
        return put(y, x.channels(), x.height(), x.width());
    }

    private Pooling2DConfig poolConfig(int kernel, int stride, int padding, boolean countIncludePad) {
        return Pooling2DConfig.builder().kH(kernel).kW(kernel).sH(stride).sW(stride).pH(padding).pW(padding)
                .dH(1).dW(1).paddingMode(PaddingMode.VALID).isNHWC(false)
                .divisor(countIncludePad ? Pooling2D.Divisor.INCLUDE_PADDING : Pooling2D.Divisor.EXCLUDE_PADDING)
                .build();
    }

    @Override
    public Tensor maxPool(String name, Tensor x, int kernel, int stride, int padding) {
        SDVariable y = sd.cnn().maxPooling2d(name, v(x), poolConfig(kernel, stride, padding, false));
        return put(y, x.channels(), out(x.height(), kernel, stride, padding, 1),
                out(x.width(), kernel, stride, padding, 1));
    }

    @Override
    public Tensor avgPool(String name, Tensor x, int kernel, int stride, int padding, boolean countIncludePad) {
        SDVariable y = sd.cnn().avgPooling2d(name, v(x), poolConfig(kernel, stride, padding, countIncludePad));
        return put(y, x.channels(), out(x.height(), kernel, stride, padding, 1),
                out(x.width(), kernel, stride, padding, 1));
    }

    /** Batch and channel dimensions: begin and end masked (whole range). */
    private static final int MASK_NC = 0b0011;

    @Override
    public Tensor crop(String name, Tensor x, int top, int left) {
        SDVariable y = sd.stridedSlice(name, v(x), new long[] {0, 0, top, left},
                new long[] {0, 0, x.height(), x.width()}, new long[] {1, 1, 1, 1}, MASK_NC, MASK_NC, 0, 0, 0);
        return put(y, x.channels(), x.height() - top, x.width() - left);
    }

    @Override
    public boolean phases() {
        return true;
    }

    @Override
    public Tensor splitPhases(String name, Tensor x, int[] phases) {
        int c = x.channels();
        int h = x.height() / 2;
        int w = x.width() / 2;
        if (phases.length == 1) {
            int a = phases[0] >> 1;
            int b = phases[0] & 1;
            SDVariable y = sd.stridedSlice(name, v(x), new long[] {0, 0, a, b},
                    new long[] {0, 0, x.height(), x.width()}, new long[] {1, 1, 2, 2}, MASK_NC, MASK_NC, 0, 0, 0);
            return put(y, c, h, w);
        }
        if (phases.length != 4) {
            throw new IllegalArgumentException("phase split of 1 or 4 phases, got " + phases.length);
        }
        // [N, C, H/2, a, W/2, b] -> [a, b, N, C, H/2, W/2] -> [4N, C, H/2, W/2]: phase-major, as the engine
        SDVariable six = sd.reshape(name + "/split", v(x), -1, c, h, 2, w, 2);
        SDVariable perm = sd.permute(name + "/order", six, 3, 5, 0, 1, 2, 4);
        nodes += 2;
        return put(sd.reshape(name, perm, -1, c, h, w), c, h, w);
    }

    @Override
    public Tensor mergePhases(String name, Tensor x) {
        int c = x.channels();
        int h = x.height();
        int w = x.width();
        SDVariable six = sd.reshape(name + "/split", v(x), 2, 2, -1, c, h, w);
        SDVariable perm = sd.permute(name + "/order", six, 2, 3, 4, 0, 5, 1);
        nodes += 2;
        return put(sd.reshape(name, perm, -1, c, 2L * h, 2L * w), c, 2 * h, 2 * w);
    }

    @Override
    public Tensor add(String name, List<Tensor> terms) {
        SDVariable sum = v(terms.get(0));
        for (int i = 1; i < terms.size(); i++) {
            sum = sd.math().add(i == terms.size() - 1 ? name : name + "/" + i, sum, v(terms.get(i)));
            nodes++;
        }
        if (terms.size() == 1) {
            sum = sd.identity(name, sum);
            nodes++;
        }
        vars.put(name, sum);
        Tensor t = terms.get(0);
        return new Tensor(name, t.channels(), t.height(), t.width());
    }

    @Override
    public Tensor scale(String name, Tensor x, double factor) {
        return put(v(x).mul(name, factor), x.channels(), x.height(), x.width());
    }

    @Override
    public Tensor concat(String name, List<Tensor> parts) {
        SDVariable[] in = parts.stream().map(this::v).toArray(SDVariable[]::new);
        int channels = parts.stream().mapToInt(Tensor::channels).sum();
        SDVariable y = in.length == 1 ? sd.identity(name, in[0]) : sd.concat(name, 1, in);
        return put(y, channels, parts.get(0).height(), parts.get(0).width());
    }

    @Override
    public Tensor globalAvgPool(String name, Tensor x) {
        return put(sd.mean(name, v(x), 2, 3), x.channels(), 0, 0);
    }

    @Override
    public Tensor dense(String name, Tensor x, INDArray w, INDArray b) {
        SDVariable y = sd.mmul(name + "/mmul", v(x), weight(name + "/W", w)).add(name, weight(name + "/b", b));
        nodes++;
        return put(y, (int) w.size(1), 0, 0);
    }

    @Override
    public void output(String name, Tensor x) {
        SDVariable y = sd.identity(name, v(x));
        put(y, x.channels(), x.height(), x.width());
        outputs.add(name);
    }

    @Override
    public List<INDArray> run(INDArray images) {
        Map<String, INDArray> result = sd.output(Map.of(inputName, images.castTo(type)),
                outputs.toArray(String[]::new));
        return outputs.stream().map(result::get).toList();
    }

    @Override
    public int nodes() {
        return nodes;
    }

    @Override
    public void save(Path file) throws IOException {
        sd.save(file.toFile(), false);
    }
}
