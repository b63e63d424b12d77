package org.istanas.ops.engine.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Mean softmax cross-entropy over a batch, computed in double precision (PyTorch {@code F.cross_entropy}), with
 * optional label smoothing (PC-DARTS {@code CrossEntropyLabelSmooth}: target = (1 - eps) one-hot + eps / K).
 */
public final class CrossEntropy {
    /** Loss, number of correct arg-max predictions, and dLoss/dLogits scaled by the weight (null when not requested). */
    public record Result(double loss, int correct, INDArray gradient) {
    }

    private CrossEntropy() {
    }

    /** Without smoothing and with weight 1: the search networks' loss. */
    public static Result compute(INDArray logits, int[] labels, boolean withGradient) {
        return compute(logits, labels, 0, 1, withGradient);
    }

    /**
     * @param labelSmoothing eps in [0, 1); with 0 only the label's term is added, so the loss and the gradient are
     *                       bit for bit those of plain cross-entropy
     * @param weight         factor on the gradient (an auxiliary head's weight), not on the loss
     */
    public static Result compute(INDArray logits, int[] labels, double labelSmoothing, double weight,
                                 boolean withGradient) {
        if (labelSmoothing < 0 || labelSmoothing >= 1) {
            throw new IllegalArgumentException("label smoothing must be in [0, 1), got " + labelSmoothing);
        }
        int n = (int) logits.size(0);
        int classes = (int) logits.size(1);
        if (labels.length != n) {
            throw new IllegalArgumentException(n + " logit rows but " + labels.length + " labels");
        }
        double[] z = logits.dup('c').data().asDouble();
        double[] grad = withGradient ? new double[n * classes] : null;
        double off = labelSmoothing / classes;
        double on = 1 - labelSmoothing + off;
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
            for (int c = 0; c < classes; c++) {
                double target = c == label ? on : off;
                if (target != 0) {
                    loss += target * (logSum - z[base + c]);
                }
                if (grad != null) {
                    grad[base + c] = weight * (Math.exp(z[base + c] - logSum) - target) / n;
                }
            }
            if (argMax == label) {
                correct++;
            }
        }
        INDArray gradient = grad == null ? null
                : Nd4j.create(grad, new long[] {n, classes}, 'c').castTo(logits.dataType());
        return new Result(loss / n, correct, gradient);
    }
}
