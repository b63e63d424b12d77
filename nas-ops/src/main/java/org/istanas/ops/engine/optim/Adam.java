package org.istanas.ops.engine.optim;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.istanas.ops.engine.nn.Param;
import org.istanas.api.network.Optimizer;
import org.istanas.api.run.StateStreams;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * PyTorch {@code torch.optim.Adam} (amsgrad off, eps 1e-8) with coupled L2 weight decay: g += wd * p;
 * m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2; p -= lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps).
 * The step count t is per parameter and advances only when the parameter has a gradient (PyTorch semantics).
 * Moments are kept in double precision; meant for architecture variables (few values).
 */
public final class Adam implements Optimizer {
    public static final double EPS = 1e-8;

    private final ParamGroup group;
    private double learningRate;
    private final double beta1;
    private final double beta2;
    private final double weightDecay;
    private final Map<Param, State> states = new HashMap<>();

    private static final class State {
        long step;
        double[] m;
        double[] v;
    }

    public Adam(ParamGroup group, double learningRate, double beta1, double beta2, double weightDecay) {
        if (learningRate < 0 || beta1 < 0 || beta1 >= 1 || beta2 < 0 || beta2 >= 1 || weightDecay < 0) {
            throw new IllegalArgumentException("invalid Adam settings: lr " + learningRate + ", betas (" + beta1
                    + ", " + beta2 + "), weight decay " + weightDecay);
        }
        this.group = group;
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.weightDecay = weightDecay;
    }

    @Override
    public void step() {
        for (Param p : group.params()) {
            if (!p.hasGradient()) {
                continue;
            }
            double[] value = p.value().dup('c').data().asDouble();
            double[] grad = p.gradient().dup('c').data().asDouble();
            State s = states.computeIfAbsent(p, k -> {
                State fresh = new State();
                fresh.m = new double[value.length];
                fresh.v = new double[value.length];
                return fresh;
            });
            s.step++;
            double bc1 = 1 - Math.pow(beta1, s.step);
            double bc2 = Math.sqrt(1 - Math.pow(beta2, s.step));
            double stepSize = learningRate / bc1;
            for (int i = 0; i < value.length; i++) {
                double g = grad[i] + weightDecay * value[i];
                s.m[i] = beta1 * s.m[i] + (1 - beta1) * g;
                s.v[i] = beta2 * s.v[i] + (1 - beta2) * g * g;
                value[i] -= stepSize * s.m[i] / (Math.sqrt(s.v[i]) / bc2 + EPS);
            }
            INDArray updated = Nd4j.create(value, p.value().shape(), 'c').castTo(p.value().dataType());
            p.value().assign(updated);
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
        StateIO.writeHeader(out, "istanas-adam-1");
        out.writeDouble(learningRate);
        List<Param> params = group.params();
        out.writeInt(params.size());
        for (Param p : params) {
            State s = states.get(p);
            out.writeBoolean(s != null);
            if (s != null) {
                out.writeLong(s.step);
                StateStreams.writeDoubles(out, s.m);
                StateStreams.writeDoubles(out, s.v);
            }
        }
    }

    @Override
    public void readState(DataInputStream in) throws IOException {
        StateIO.readHeader(in, "istanas-adam-1");
        learningRate = in.readDouble();
        List<Param> params = group.params();
        int n = in.readInt();
        if (n != params.size()) {
            throw new IOException("Adam state holds " + n + " parameters, the group has " + params.size());
        }
        states.clear();
        for (Param p : params) {
            if (in.readBoolean()) {
                State s = new State();
                s.step = in.readLong();
                s.m = StateStreams.readDoubles(in);
                s.v = StateStreams.readDoubles(in);
                if (s.m.length != p.size() || s.v.length != p.size()) {
                    throw new IOException("Adam state of " + p.name() + " has " + s.m.length + " values, expected "
                            + p.size());
                }
                states.put(p, s);
            }
        }
    }
}
