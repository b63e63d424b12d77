package org.istanas.api.network;

/**
 * Outcome of a forward(+backward) pass over one batch.
 *
 * @param loss    mean loss over the batch (including the weighted auxiliary loss where there is one)
 * @param correct number of images whose arg-max logit equals the label (main head)
 * @param size    batch size
 */
public record StepResult(double loss, int correct, int size) {
    public double accuracy() {
        return size == 0 ? 0 : (double) correct / size;
    }
}
