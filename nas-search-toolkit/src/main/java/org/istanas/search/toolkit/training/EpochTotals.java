package org.istanas.search.toolkit.training;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Running sums of one epoch's training steps. Part of every checkpoint, so a run resumed mid-epoch reports the same
 * epoch means as an uninterrupted one (the sums are accumulated in the same order).
 */
public final class EpochTotals {
    private double lossSum;
    private double extraSum;
    private long correct;
    private long images;
    private int steps;
    private int extraSteps;

    public void add(StepOutcome outcome) {
        lossSum += outcome.loss() * outcome.size();
        correct += outcome.correct();
        images += outcome.size();
        steps++;
        if (!Double.isNaN(outcome.extra())) {
            extraSum += outcome.extra();
            extraSteps++;
        }
    }

    public double meanLoss() {
        return images == 0 ? Double.NaN : lossSum / images;
    }

    public double accuracy() {
        return images == 0 ? Double.NaN : (double) correct / images;
    }

    /** Mean of the per-step extra values (NaN when no step reported one). */
    public double meanExtra() {
        return extraSteps == 0 ? Double.NaN : extraSum / extraSteps;
    }

    public int steps() {
        return steps;
    }

    void write(DataOutputStream out) throws IOException {
        out.writeDouble(lossSum);
        out.writeDouble(extraSum);
        out.writeLong(correct);
        out.writeLong(images);
        out.writeInt(steps);
        out.writeInt(extraSteps);
    }

    void read(DataInputStream in) throws IOException {
        lossSum = in.readDouble();
        extraSum = in.readDouble();
        correct = in.readLong();
        images = in.readLong();
        steps = in.readInt();
        extraSteps = in.readInt();
    }
}
