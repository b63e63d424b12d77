package org.istanas.ops.engine.search;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.istanas.ops.engine.nn.Param;
import org.istanas.ops.engine.optim.StateIO;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Checkpoint I/O of a super-net body: every weight, then every BN running statistic, in their stable order. */
final class NetworkState {
    private NetworkState() {
    }

    static void writeWeights(DataOutputStream out, SearchNetworkCore core) throws IOException {
        List<Param> weights = core.weights();
        List<INDArray> buffers = core.buffers();
        out.writeInt(weights.size());
        out.writeInt(buffers.size());
        for (Param p : weights) {
            StateIO.write(out, p.value());
        }
        for (INDArray b : buffers) {
            StateIO.write(out, b);
        }
    }

    static void readWeights(DataInputStream in, SearchNetworkCore core) throws IOException {
        List<Param> weights = core.weights();
        List<INDArray> buffers = core.buffers();
        int w = in.readInt();
        int b = in.readInt();
        if (w != weights.size() || b != buffers.size()) {
            throw new IOException("state holds " + w + " weights and " + b + " BN buffers; this network has "
                    + weights.size() + " and " + buffers.size() + " (different spec?)");
        }
        for (Param p : weights) {
            StateIO.read(in, p.value(), p.name());
        }
        for (int i = 0; i < buffers.size(); i++) {
            StateIO.read(in, buffers.get(i), "BN statistics #" + i);
        }
    }
}
