package org.istanas.api.run;

import java.util.Objects;

/**
 * One saved state of a run. {@code epoch} and {@code step} say where training continues: the state holds
 * everything up to (not including) batch {@code step} of epoch {@code epoch}; {@code step == 0} is an epoch
 * boundary. The payload is the strategy's own encoding.
 *
 * @param kind    who wrote it (strategy or trainer name); resuming with another kind is refused
 * @param epoch   epoch to continue in (0-based)
 * @param step    batches of that epoch already done
 * @param payload strategy-defined bytes
 */
public record Checkpoint(String kind, int epoch, int step, byte[] payload) {
    public Checkpoint {
        Objects.requireNonNull(kind, "kind is null");
        Objects.requireNonNull(payload, "payload is null");
        if (epoch < 0 || step < 0) {
            throw new IllegalArgumentException("epoch and step must be >= 0, got " + epoch + "/" + step);
        }
    }

    /** Orders checkpoints by position in the run. */
    public boolean after(Checkpoint other) {
        return epoch != other.epoch ? epoch > other.epoch : step > other.step;
    }

    @Override
    public String toString() {
        return kind + " checkpoint at epoch " + epoch + " step " + step + " (" + payload.length + " bytes)";
    }
}
