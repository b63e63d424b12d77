package org.istanas.ops.engine.optim;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.istanas.ops.engine.nn.Param;
import org.istanas.api.run.StateStreams;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Exact binary (de)serialisation of arrays for checkpoints: shape, then every value at its own precision. */
public final class StateIO {
    private StateIO() {
    }

    public static void writeHeader(DataOutputStream out, String magic) throws IOException {
        out.writeUTF(magic);
    }

    public static void readHeader(DataInputStream in, String magic) throws IOException {
        String found = in.readUTF();
        if (!found.equals(magic)) {
            throw new IOException("state stream starts with '" + found + "', expected '" + magic + "'");
        }
    }

    public static void write(DataOutputStream out, INDArray array) throws IOException {
        out.writeInt(array.rank());
        for (long d : array.shape()) {
            out.writeLong(d);
        }
        boolean isDouble = array.dataType() == DataType.DOUBLE;
        out.writeBoolean(isDouble);
        INDArray flat = array.dup('c');
        if (isDouble) {
            for (double v : flat.data().asDouble()) {
                out.writeDouble(v);
            }
        } else {
            for (float v : flat.castTo(DataType.FLOAT).data().asFloat()) {
                out.writeFloat(v);
            }
        }
    }

    /** Reads into {@code target}, which must have the stored shape. */
    public static void read(DataInputStream in, INDArray target, String what) throws IOException {
        int rank = in.readInt();
        long[] shape = new long[rank];
        for (int i = 0; i < rank; i++) {
            shape[i] = in.readLong();
        }
        if (!Arrays.equals(shape, target.shape())) {
            throw new IOException("state of " + what + " has shape " + Arrays.toString(shape) + ", expected "
                    + Arrays.toString(target.shape()));
        }
        boolean isDouble = in.readBoolean();
        int n = Math.toIntExact(target.length());
        INDArray values;
        if (isDouble) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = in.readDouble();
            }
            values = Nd4j.create(v, shape, 'c');
        } else {
            float[] v = new float[n];
            for (int i = 0; i < n; i++) {
                v[i] = in.readFloat();
            }
            values = Nd4j.create(v, shape, 'c');
        }
        target.assign(values.castTo(target.dataType()));
    }

    /**
     * Writes a network body: the number of weight tensors and of BN statistics, then every weight, then every
     * statistic, each by {@link #write}.
     */
    public static void writeWeights(DataOutputStream out, List<Param> weights, List<INDArray> buffers)
            throws IOException {
        out.writeInt(weights.size());
        out.writeInt(buffers.size());
        for (Param p : weights) {
            write(out, p.value());
        }
        for (INDArray b : buffers) {
            write(out, b);
        }
    }

    /** Reads what {@link #writeWeights} wrote into the same tensors of a network of the same structure. */
    public static void readWeights(DataInputStream in, List<Param> weights, List<INDArray> buffers)
            throws IOException {
        int w = in.readInt();
        int b = in.readInt();
        if (w != weights.size() || b != buffers.size()) {
            throw new IOException("state holds " + w + " weights and " + b + " BN buffers; this network has "
                    + weights.size() + " and " + buffers.size() + " (different spec?)");
        }
        for (Param p : weights) {
            read(in, p.value(), p.name());
        }
        for (int i = 0; i < buffers.size(); i++) {
            read(in, buffers.get(i), "BN statistics #" + i);
        }
    }

    /** Reads an array written by {@link #write} whatever its shape, as flat doubles. */
    public static double[] readValues(DataInputStream in) throws IOException {
        int rank = in.readInt();
        long n = 1;
        for (int i = 0; i < rank; i++) {
            n *= in.readLong();
        }
        boolean isDouble = in.readBoolean();
        double[] values = new double[Math.toIntExact(n)];
        for (int i = 0; i < values.length; i++) {
            values[i] = isDouble ? in.readDouble() : in.readFloat();
        }
        return values;
    }

    /** {@link StateStreams#writeDoubles}; kept for the callers not yet switched to it. */
    public static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
        StateStreams.writeDoubles(out, values);
    }

    /** {@link StateStreams#readDoubles}; kept for the callers not yet switched to it. */
    public static double[] readDoubles(DataInputStream in) throws IOException {
        return StateStreams.readDoubles(in);
    }
}
