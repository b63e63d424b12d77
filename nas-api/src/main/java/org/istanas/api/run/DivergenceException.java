package org.istanas.api.run;

/**
 * Training produced a non-finite loss. The run stops at once; its last checkpoint (written before the bad step) is
 * kept untouched, so it can be resumed with a changed setting.
 */
public final class DivergenceException extends IllegalStateException {
    private final int epoch;
    private final int step;

    public DivergenceException(String message, int epoch, int step) {
        super(message);
        this.epoch = epoch;
        this.step = step;
    }

    public int epoch() {
        return epoch;
    }

    public int step() {
        return step;
    }

    /**
     * Throws when {@code loss} is NaN or infinite, with a message naming the phase, the position and what to do.
     *
     * @param phase e.g. "architecture step" or "weight step"
     */
    public static void check(double loss, String phase, int epoch, int step) {
        if (!Double.isFinite(loss)) {
            throw new DivergenceException("training diverged: the " + phase + " loss is " + loss + " at epoch "
                    + (epoch + 1) + " batch " + (step + 1) + ". The run stopped and kept its last good checkpoint;"
                    + " continue from it with a lower learning rate (istanas resume --run DIR --set learningRate=...,"
                    + " or --set archLearningRate=...), or start again", epoch, step);
        }
    }
}
