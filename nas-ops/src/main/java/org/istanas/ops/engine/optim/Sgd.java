package org.istanas.ops.engine.optim;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.istanas.ops.engine.nn.Param;
import org.istanas.ops.engine.nn.Tensors;
import org.istanas.api.network.Optimizer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * PyTorch {@code torch.optim.SGD} (dampening 0, no Nesterov): d = g + wd * p; buf = d at the first step of a
 * parameter, else buf = momentum * buf + d; p -= lr * buf.
 *
 * <p>Parameters without a gradient (ops outside the current support) that never had one are skipped, as PyTorch
 * skips {@code p.grad is None}. A parameter that had a gradient before and has none in this step is either skipped
 * as well (its momentum buffer freezes and resumes when the op re-enters the support; weight decay does not shrink
 * it meanwhile), or, with {@code updateWithoutGradient}, updated with a zero gradient: buf = momentum * buf + wd * p,
 * p -= lr * buf. The latter is what the official code gets from PyTorch 1.x, whose {@code zero_grad()} zeroes
 * gradients instead of dropping them, so a parameter once used keeps {@code p.grad} (zero) forever.
 */
public final class Sgd implements Optimizer {
    private final ParamGroup group;
    private double learningRate;
    private final double momentum;
    private final double weightDecay;
    private final boolean updateWithoutGradient;
    private final Map<Param, INDArray> buffers = new HashMap<>();
    /** Without momentum: the parameters that had a gradient once (weight decay continues on them). */
    private final java.util.Set<Param> seen = new java.util.HashSet<>();

    public Sgd(ParamGroup group, double learningRate, double momentum, double weightDecay) {
        this(group, learningRate, momentum, weightDecay, false);
    }

    public Sgd(ParamGroup group, double learningRate, double momentum, double weightDecay,
               boolean updateWithoutGradient) {
        if (learningRate < 0 || momentum < 0 || weightDecay < 0) {
            throw new IllegalArgumentException("SGD needs learningRate, momentum, weightDecay >= 0, got "
                    + learningRate + ", " + momentum + ", " + weightDecay);
        }
        this.group = group;
        this.learningRate = learningRate;
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        this.updateWithoutGradient = updateWithoutGradient;
    }

    @Override
    public void step() {
        for (Param p : group.params()) {
            if (!p.hasGradient()) {
                INDArray buffer = buffers.get(p);
                if (updateWithoutGradient && momentum == 0 && weightDecay != 0 && seen.contains(p)
                        && p.trainable()) {
                    p.value().muli(1 - learningRate * weightDecay);
                } else if (updateWithoutGradient && buffer != null && p.trainable()) {
                    buffer.muli(momentum);
                    if (weightDecay != 0) {
                        Tensors.axpy(weightDecay, p.value(), buffer);
                    }
                    Tensors.axpy(-learningRate, buffer, p.value());
                }
                continue;
            }
            INDArray value = p.value();
            if (momentum == 0) {
                if (updateWithoutGradient) {
                    seen.add(p);
                }
                if (weightDecay != 0) {
                    value.muli(1 - learningRate * weightDecay);
                }
                Tensors.axpy(-learningRate, p.gradient(), value);
                continue;
            }
            INDArray buffer = buffers.get(p);
            if (buffer == null) {
                buffer = p.gradient().dup('c');
                buffers.put(p, buffer);
            } else {
                buffer.muli(momentum);
                buffer.addi(p.gradient());
            }
            if (weightDecay != 0) {
                Tensors.axpy(weightDecay, value, buffer);
            }
            Tensors.axpy(-learningRate, buffer, value);
        }
    }

    @Override
    public void setLearningRate(double learningRate) {
        this.learningRate = learningRate;
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public void writeState(DataOutputStream out) throws IOException {
        StateIO.writeHeader(out, "istanas-sgd-1");
        out.writeDouble(learningRate);
        List<Param> params = group.params();
        out.writeInt(params.size());
        for (Param p : params) {
            INDArray buffer = buffers.get(p);
            out.writeBoolean(buffer != null);
            if (buffer != null) {
                StateIO.write(out, buffer);
            }
        }
    }

    @Override
    public void readState(DataInputStream in) throws IOException {
        StateIO.readHeader(in, "istanas-sgd-1");
        learningRate = in.readDouble();
        List<Param> params = group.params();
        int n = in.readInt();
        if (n != params.size()) {
            throw new IOException("SGD state holds " + n + " parameters, the group has " + params.size());
        }
        buffers.clear();
        for (Param p : params) {
            if (in.readBoolean()) {
                INDArray buffer = p.value().ulike();
                StateIO.read(in, buffer, "momentum of " + p.name());
                buffers.put(p, buffer);
            }
        }
    }
}
