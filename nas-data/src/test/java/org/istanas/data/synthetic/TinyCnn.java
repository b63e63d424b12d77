package org.istanas.data.synthetic;

import java.util.SplittableRandom;

/**
 * A deliberately tiny convolutional classifier in plain Java, for tests only: one 3x3 convolution (padding 1) with
 * {@code filters} filters and ReLU, global average and global max pooling, and a linear layer to the classes; trained
 * by per-sample SGD on the softmax cross-entropy.
 */
final class TinyCnn {
    private final int channels;
    private final int side;
    private final int filters;
    private final int classes;
    private final float[] kernel; // [filters][channels][3][3]
    private final float[] kernelBias;
    private final float[] weight; // [classes][2 * filters]
    private final float[] bias;
    // scratch buffers of one forward pass
    private final float[] activation; // [filters][side*side] after ReLU
    private final int[] argMax;
    private final float[] features;
    private final float[] probabilities;

    TinyCnn(int channels, int side, int filters, int classes, long seed) {
        this.channels = channels;
        this.side = side;
        this.filters = filters;
        this.classes = classes;
        SplittableRandom random = new SplittableRandom(seed);
        kernel = new float[filters * channels * 9];
        double scale = Math.sqrt(2.0 / (channels * 9));
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] = (float) (random.nextGaussian() * scale);
        }
        kernelBias = new float[filters];
        weight = new float[classes * 2 * filters];
        double wScale = Math.sqrt(1.0 / (2 * filters));
        for (int i = 0; i < weight.length; i++) {
            weight[i] = (float) (random.nextGaussian() * wScale);
        }
        bias = new float[classes];
        activation = new float[filters * side * side];
        argMax = new int[filters];
        features = new float[2 * filters];
        probabilities = new float[classes];
    }

    int predict(float[] images, int offset) {
        forward(images, offset);
        int best = 0;
        for (int k = 1; k < classes; k++) {
            if (probabilities[k] > probabilities[best]) {
                best = k;
            }
        }
        return best;
    }

    void train(float[] images, int offset, int label, float learningRate) {
        forward(images, offset);
        int plane = side * side;
        float[] dFeatures = new float[2 * filters];
        for (int k = 0; k < classes; k++) {
            float g = probabilities[k] - (k == label ? 1f : 0f);
            for (int j = 0; j < 2 * filters; j++) {
                dFeatures[j] += g * weight[k * 2 * filters + j];
                weight[k * 2 * filters + j] -= learningRate * g * features[j];
            }
            bias[k] -= learningRate * g;
        }
        for (int f = 0; f < filters; f++) {
            float dAvg = dFeatures[f] / plane;
            float dMax = dFeatures[filters + f];
            float[] dKernel = new float[channels * 9];
            float dBias = 0;
            for (int p = 0; p < plane; p++) {
                if (activation[f * plane + p] <= 0) {
                    continue;
                }
                float d = dAvg + (p == argMax[f] ? dMax : 0f);
                dBias += d;
                int y = p / side;
                int x = p % side;
                for (int c = 0; c < channels; c++) {
                    int base = offset + c * plane;
                    for (int ky = 0; ky < 3; ky++) {
                        int sy = y + ky - 1;
                        if (sy < 0 || sy >= side) {
                            continue;
                        }
                        for (int kx = 0; kx < 3; kx++) {
                            int sx = x + kx - 1;
                            if (sx >= 0 && sx < side) {
                                dKernel[(c * 3 + ky) * 3 + kx] += d * images[base + sy * side + sx];
                            }
                        }
                    }
                }
            }
            for (int i = 0; i < dKernel.length; i++) {
                kernel[f * channels * 9 + i] -= learningRate * dKernel[i];
            }
            kernelBias[f] -= learningRate * dBias;
        }
    }

    private void forward(float[] images, int offset) {
        int plane = side * side;
        for (int f = 0; f < filters; f++) {
            float sum = 0;
            float max = 0;
            int arg = 0;
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    float v = kernelBias[f];
                    for (int c = 0; c < channels; c++) {
                        int base = offset + c * plane;
                        int k = (f * channels + c) * 9;
                        for (int ky = 0; ky < 3; ky++) {
                            int sy = y + ky - 1;
                            if (sy < 0 || sy >= side) {
                                continue;
                            }
                            for (int kx = 0; kx < 3; kx++) {
                                int sx = x + kx - 1;
                                if (sx >= 0 && sx < side) {
                                    v += kernel[k + ky * 3 + kx] * images[base + sy * side + sx];
                                }
                            }
                        }
                    }
                    v = Math.max(v, 0f);
                    activation[f * plane + y * side + x] = v;
                    sum += v;
                    if (v > max) {
                        max = v;
                        arg = y * side + x;
                    }
                }
            }
            features[f] = sum / plane;
            features[filters + f] = max;
            argMax[f] = arg;
        }
        SoftmaxRegression.softmax(weight, bias, features, 0, 2 * filters, classes, probabilities);
    }
}
