package org.istanas.ops.engine.onestage;

import static org.istanas.api.run.StateStreams.readDoubles;
import static org.istanas.api.run.StateStreams.writeDoubles;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.istanas.api.genotype.CellType;
import org.istanas.ops.engine.nn.Param;
import org.istanas.ops.engine.search.NodeCodes;
import org.istanas.ops.engine.search.SparseNodeCode;

/**
 * The one-stage super-net's own part of a checkpoint, around what {@code CellNetwork} writes: the keys of the op
 * instances it holds (so a fresh network creates the same ones before their weights are read), then per cell type
 * and node whether b is frozen and the batch norms released, b, and the sparse code (A, support, x).
 */
final class OneStageState {
    private final Nd4jOneStageNetwork network;
    private final NodeCodes codes;

    OneStageState(Nd4jOneStageNetwork network, NodeCodes codes) {
        this.network = network;
        this.codes = codes;
    }

    void writeStructure(DataOutputStream out) throws IOException {
        Set<String> keys = network.opKeys();
        out.writeInt(keys.size());
        for (String key : keys) {
            out.writeUTF(key);
        }
    }

    void readStructure(DataInputStream in) throws IOException {
        int count = in.readInt();
        Map<String, int[]> wanted = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String key = in.readUTF();
            wanted.put(key, parseKey(key));
        }
        for (int[] k : wanted.values()) {
            network.op(k[0], k[1], k[2], k[3]);
        }
        if (!network.opKeys().equals(wanted.keySet())) {
            throw new IOException("state has ops " + wanted.keySet().size() + " but this network already holds "
                    + network.opKeys().size() + " (ops outside the state: read the state into a freshly built network)");
        }
    }

    private int[] parseKey(String key) throws IOException {
        String[] parts = key.split("\\.");
        try {
            int cell = Integer.parseInt(parts[0].substring(4));
            int node = Integer.parseInt(parts[1].substring(1));
            int input = Integer.parseInt(parts[2].substring(2));
            int op = Integer.parseInt(parts[3]);
            if (cell >= network.cells().size() || node >= network.spec().nodes() || input >= node + 2
                    || op >= network.spec().operations().size() || !key.equals(network.opKey(cell, node, input, op))) {
                throw new IOException("state op '" + key + "' does not exist in this network");
            }
            return new int[] {cell, node, input, op};
        } catch (RuntimeException e) {
            throw new IOException("malformed op key '" + key + "' in network state", e);
        }
    }

    void writeExtra(DataOutputStream out) throws IOException {
        for (CellType type : CellType.values()) {
            for (int j = 0; j < network.spec().nodes(); j++) {
                out.writeBoolean(codes.frozen(type, j));
                out.writeBoolean(codes.released(type, j));
                Param b = codes.compressedCodeOrNull(type, j);
                out.writeBoolean(b != null);
                if (b != null) {
                    writeDoubles(out, codes.compressedCode(type, j));
                }
                SparseNodeCode code = codes.codeOrNull(type, j);
                out.writeBoolean(code != null);
                if (code != null) {
                    double[][] a = code.a();
                    out.writeInt(a.length);
                    for (double[] row : a) {
                        writeDoubles(out, row);
                    }
                    int[] support = code.support();
                    out.writeInt(support.length);
                    for (int k : support) {
                        out.writeInt(k);
                    }
                    writeDoubles(out, code.x());
                }
            }
        }
    }

    void readExtra(DataInputStream in) throws IOException {
        for (CellType type : CellType.values()) {
            for (int j = 0; j < network.spec().nodes(); j++) {
                boolean isFrozen = in.readBoolean();
                boolean isReleased = in.readBoolean();
                if (in.readBoolean()) {
                    double[] b = readDoubles(in);
                    codes.clearCode(type, j); // the state's A may have another m; b keeps its Param (optimizer state)
                    network.setCompressedCode(type, j, b);
                }
                if (in.readBoolean()) {
                    double[][] a = new double[in.readInt()][];
                    for (int r = 0; r < a.length; r++) {
                        a[r] = readDoubles(in);
                    }
                    int[] support = new int[in.readInt()];
                    for (int i = 0; i < support.length; i++) {
                        support[i] = in.readInt();
                    }
                    network.setSupport(type, j, a, support, readDoubles(in));
                }
                if (isFrozen) {
                    network.freezeNode(type, j);
                }
                if (isReleased) {
                    network.releaseNode(type, j);
                }
            }
        }
    }
}
