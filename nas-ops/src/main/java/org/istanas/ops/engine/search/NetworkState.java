package org.istanas.ops.engine.search;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.istanas.ops.engine.optim.StateIO;

/** Checkpoint I/O of a super-net body: every weight, then every BN running statistic, in their stable order. */
final class NetworkState {
    private NetworkState() {
    }

    static void writeWeights(DataOutputStream out, SearchNetworkCore core) throws IOException {
        StateIO.writeWeights(out, core.weights(), core.buffers());
    }

    static void readWeights(DataInputStream in, SearchNetworkCore core) throws IOException {
        StateIO.readWeights(in, core.weights(), core.buffers());
    }
}
