package org.istanas.ops.engine.optim;

import org.istanas.ops.engine.nn.Param;

/** PyTorch {@code clip_grad_norm_} (L2): scales gradients by maxNorm / (norm + 1e-6) when that is below 1. */
public final class GradientClipping {
    private GradientClipping() {
    }

    /** Returns the joint L2 norm of the present gradients before clipping. */
    public static double clip(double maxNorm, ParamGroup... groups) {
        double sumSquares = 0;
        for (ParamGroup group : groups) {
            for (Param p : group.params()) {
                if (p.hasGradient()) {
                    double norm = p.gradient().norm2Number().doubleValue();
                    sumSquares += norm * norm;
                }
            }
        }
        double total = Math.sqrt(sumSquares);
        double coefficient = maxNorm / (total + 1e-6);
        if (coefficient < 1) {
            for (ParamGroup group : groups) {
                for (Param p : group.params()) {
                    if (p.hasGradient()) {
                        p.gradient().muli(coefficient);
                    }
                }
            }
        }
        return total;
    }
}
