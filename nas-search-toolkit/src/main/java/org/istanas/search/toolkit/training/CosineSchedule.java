package org.istanas.search.toolkit.training;

/**
 * Cosine annealing per epoch, as PyTorch's {@code CosineAnnealingLR(T_max = epochs, eta_min)} stepped once per
 * epoch: lr(e) = min + (max - min) (1 + cos(pi e / epochs)) / 2 for e = 0 .. epochs-1.
 */
public record CosineSchedule(double max, double min, int epochs) {
    public CosineSchedule {
        Check.positive("epochs", epochs);
    }

    public double at(int epoch) {
        return min + (max - min) * (1 + Math.cos(Math.PI * epoch / epochs)) / 2;
    }
}
