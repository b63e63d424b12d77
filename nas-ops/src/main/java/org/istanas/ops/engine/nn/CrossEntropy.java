package org.istanas.ops.engine.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Mean softmax cross-entropy over a batch, computed in double precision (PyTorch {@code F.cross_entropy}). */
public final class CrossEntropy {
    /** Loss, number of correct arg-max predictions, and dLoss/dLogits (null when not requested). */
    public record Result(double loss, int correct, INDArray gradient) {
    }

    private CrossEntropy() {
    }

    public static Result compute(INDArray logits, int[] labels, boolean withGradient) {
        int n = (int) logits.size(0);
        int classes = (int) logits.size(1);
        if (labels.length != n) {
            throw new IllegalArgumentException(n + " logit rows but " + labels.length + " labels");
        }
        double[] z = logits.dup('c').data().asDouble();
        double[] grad = withGradient ? new double[n * classes] : null;
        double loss = 0;
        int correct = 0;
        for (int r = 0; r < n; r++) {
            int label = labels[r];
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException("label " + label + " of image " + r + " is outside 0.."
                        + (classes - 1));
            }
            int base = r * classes;
            double max = Double.NEGATIVE_INFINITY;
            int argMax = 0;
            for (int c = 0; c < classes; c++) {
                if (z[base + c] > max) {
                    max = z[base + c];
                    argMax = c;
                }
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                sum += Math.exp(z[base + c] - max);
            }
            double logSum = max + Math.log(sum);
            loss += logSum - z[base + label];
            if (argMax == label) {
                correct++;
            }
            if (grad != null) {
                for (int c = 0; c < classes; c++) {
                    grad[base + c] = (Math.exp(z[base + c] - logSum) - (c == label ? 1 : 0)) / n;
                }
            }
        }
        INDArray gradient = grad == null ? null
                : Nd4j.create(grad, new long[] {n, classes}, 'c').castTo(logits.dataType());
        return new Result(loss / n, correct, gradient);
    }
}
