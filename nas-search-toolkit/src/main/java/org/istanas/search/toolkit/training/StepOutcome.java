package org.istanas.search.toolkit.training;

/**
 * What one training step reports to the loop.
 *
 * @param loss    mean loss of the batch the weights were trained on
 * @param correct correctly classified images of that batch
 * @param size    images in that batch
 * @param extra   a second loss reported alongside (e.g. the architecture step's validation loss), NaN when none
 */
public record StepOutcome(double loss, int correct, int size, double extra) {
    public static StepOutcome of(double loss, int correct, int size) {
        return new StepOutcome(loss, correct, size, Double.NaN);
    }
}
