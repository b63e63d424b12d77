package org.istanas.search.toolkit.training;

/**
 * Cosine annealing per epoch, as PyTorch's {@code CosineAnnealingLR(T_max = epochs, eta_min)} stepped once per
 * epoch: lr(e) = min + (max - min) (1 + cos(pi (e + offset) / epochs)) / 2 for e = 0 .. epochs-1. With offset 1,
 * epoch e trains at lr(e+1): the official loops call {@code scheduler.step()} at the start of each epoch, which
 * under PyTorch 1.1 and later advances the schedule before the first epoch trains (so the last epoch trains at the
 * floor and the initial value is never used).
 */
public record CosineSchedule(double max, double min, int epochs, int offset) {
    public CosineSchedule {
        Check.positive("epochs", epochs);
        if (offset != 0 && offset != 1) {
            throw new IllegalArgumentException("offset must be 0 or 1, got " + offset);
        }
    }

    /** Epoch e trains at lr(e). */
    public CosineSchedule(double max, double min, int epochs) {
        this(max, min, epochs, 0);
    }

    /** {@code stepsFirst}: epoch e trains at lr(e+1) (scheduler stepped at the start of each epoch). */
    public static CosineSchedule of(double max, double min, int epochs, boolean stepsFirst) {
        return new CosineSchedule(max, min, epochs, stepsFirst ? 1 : 0);
    }

    public double at(int epoch) {
        return min + (max - min) * (1 + Math.cos(Math.PI * (epoch + offset) / epochs)) / 2;
    }
}
