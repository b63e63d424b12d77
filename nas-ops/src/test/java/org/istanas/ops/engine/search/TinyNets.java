package org.istanas.ops.engine.search;

import java.util.List;
import java.util.Random;
import org.istanas.api.data.Batch;
import org.istanas.api.data.ImageShape;
import org.istanas.api.genotype.CellType;
import org.istanas.api.op.CandidateOperation;
import org.istanas.ops.OpsPlugin;
import org.istanas.api.network.SearchNetworkSpec;
import org.istanas.api.network.SparseSearchNetwork;

/** Small networks and data for fast exact tests. */
final class TinyNets {
    static final ImageShape SHAPE = new ImageShape(3, 8, 8);

    private TinyNets() {
    }

    static SearchNetworkSpec spec(List<CandidateOperation> ops, long seed) {
        return new SearchNetworkSpec(SHAPE, 4, 2, 3, 4, ops, 0, seed);
    }

    static SearchNetworkSpec spec(long seed) {
        return spec(OpsPlugin.paperOperations(), seed);
    }

    static Batch batch(int size, long seed) {
        Random random = new Random(seed);
        float[] images = new float[size * SHAPE.size()];
        for (int i = 0; i < images.length; i++) {
            images[i] = (float) random.nextGaussian();
        }
        int[] labels = new int[size];
        for (int i = 0; i < size; i++) {
            labels[i] = random.nextInt(4);
        }
        return new Batch(images, labels, size, SHAPE);
    }

    /** Random A (7 x n_j, U[0,1)), random x, and a support of two random distinct candidates per node. */
    static void randomSupports(SparseSearchNetwork net, SearchNetworkSpec spec, long seed) {
        Random random = new Random(seed);
        for (CellType type : CellType.values()) {
            for (int j = 0; j < spec.nodes(); j++) {
                int n = spec.candidates(j);
                double[][] a = new double[7][n];
                for (double[] row : a) {
                    for (int k = 0; k < n; k++) {
                        row[k] = random.nextDouble();
                    }
                }
                double[] x = new double[n];
                for (int k = 0; k < n; k++) {
                    x[k] = random.nextGaussian();
                }
                int first = random.nextInt(n);
                int second = (first + 1 + random.nextInt(n - 1)) % n;
                net.setSupport(type, j, a, new int[] {first, second}, x);
            }
        }
    }
}
