package org.istanas.data.synthetic;

/** Multinomial logistic regression on raw inputs trained by per-sample SGD, for tests only. */
final class SoftmaxRegression {
    private final int inputs;
    private final int classes;
    private final float[] weight;
    private final float[] bias;
    private final float[] probabilities;

    SoftmaxRegression(int inputs, int classes) {
        this.inputs = inputs;
        this.classes = classes;
        this.weight = new float[inputs * classes];
        this.bias = new float[classes];
        this.probabilities = new float[classes];
    }

    int predict(float[] x, int offset) {
        softmax(weight, bias, x, offset, inputs, classes, probabilities);
        int best = 0;
        for (int k = 1; k < classes; k++) {
            if (probabilities[k] > probabilities[best]) {
                best = k;
            }
        }
        return best;
    }

    void train(float[] x, int offset, int label, float learningRate) {
        softmax(weight, bias, x, offset, inputs, classes, probabilities);
        for (int k = 0; k < classes; k++) {
            float g = learningRate * (probabilities[k] - (k == label ? 1f : 0f));
            int row = k * inputs;
            for (int i = 0; i < inputs; i++) {
                weight[row + i] -= g * x[offset + i];
            }
            bias[k] -= g;
        }
    }

    /** probabilities = softmax(W x + b) for W of shape [classes][inputs]. */
    static void softmax(float[] w, float[] b, float[] x, int offset, int inputs, int classes, float[] out) {
        double max = Double.NEGATIVE_INFINITY;
        double[] logits = new double[classes];
        for (int k = 0; k < classes; k++) {
            double z = b[k];
            int row = k * inputs;
            for (int i = 0; i < inputs; i++) {
                z += w[row + i] * x[offset + i];
            }
            logits[k] = z;
            max = Math.max(max, z);
        }
        double total = 0;
        for (int k = 0; k < classes; k++) {
            logits[k] = Math.exp(logits[k] - max);
            total += logits[k];
        }
        for (int k = 0; k < classes; k++) {
            out[k] = (float) (logits[k] / total);
        }
    }
}
