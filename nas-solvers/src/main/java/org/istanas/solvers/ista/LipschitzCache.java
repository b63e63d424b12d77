package org.istanas.solvers.ista;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.istanas.solvers.matrix.SpectralNorms;

/**
 * L = λ_max(AᵀA) per matrix, computed once. Keys are the matrix arrays themselves (arrays hash by identity, and
 * the weak map lets a dropped matrix be collected). ISTA-NAS re-solves with the same 8 matrices every epoch,
 * so the eigenvalue is computed 8 times per search instead of once per recovery. A content fingerprint
 * ({@link Arrays#deepHashCode}, one pass over A, the cost of a single matrix-vector product) guards against a
 * caller that mutates a matrix in place.
 */
final class LipschitzCache {
    private record Entry(int fingerprint, double lipschitz) {
    }

    private static final Map<double[][], Entry> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    private LipschitzCache() {
    }

    static double lipschitz(double[][] a) {
        int fingerprint = Arrays.deepHashCode(a);
        Entry entry = CACHE.get(a);
        if (entry != null && entry.fingerprint() == fingerprint) {
            return entry.lipschitz();
        }
        double lipschitz = SpectralNorms.lipschitzBound(a);
        CACHE.put(a, new Entry(fingerprint, lipschitz));
        return lipschitz;
    }
}
