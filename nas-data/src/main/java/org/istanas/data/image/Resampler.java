package org.istanas.data.image;

/**
 * Separable resampling of a CHW float image region with a triangle (bilinear) filter whose support widens with the
 * downscaling factor, i.e. antialiased like PIL's/torchvision's bilinear resize; upscaling is plain bilinear.
 */
public final class Resampler {
    private Resampler() {
    }

    /**
     * Resamples the region (top, left, regionHeight, regionWidth) of a {@code channels x height x width} image to
     * {@code outHeight x outWidth}, writing CHW floats into {@code out} at {@code outOffset}.
     */
    public static void resize(float[] in, int channels, int height, int width, double top, double left,
                              double regionHeight, double regionWidth, float[] out, int outOffset, int outHeight,
                              int outWidth) {
        if (regionHeight <= 0 || regionWidth <= 0 || outHeight <= 0 || outWidth <= 0) {
            throw new IllegalArgumentException("resize needs positive sizes, got region " + regionHeight + "x"
                    + regionWidth + " to " + outHeight + "x" + outWidth);
        }
        Weights rows = Weights.of(top, regionHeight, height, outHeight);
        Weights cols = Weights.of(left, regionWidth, width, outWidth);
        float[] tmp = new float[height * outWidth];
        for (int c = 0; c < channels; c++) {
            int plane = c * height * width;
            // horizontal pass over the rows the vertical pass will need
            for (int y = rows.minIndex; y <= rows.maxIndex; y++) {
                int row = plane + y * width;
                for (int x = 0; x < outWidth; x++) {
                    float sum = 0;
                    int start = cols.start[x];
                    int w0 = x * cols.taps;
                    for (int k = 0; k < cols.count[x]; k++) {
                        sum += cols.weight[w0 + k] * in[row + start + k];
                    }
                    tmp[y * outWidth + x] = sum;
                }
            }
            int outPlane = outOffset + c * outHeight * outWidth;
            for (int y = 0; y < outHeight; y++) {
                int start = rows.start[y];
                int w0 = y * rows.taps;
                for (int x = 0; x < outWidth; x++) {
                    float sum = 0;
                    for (int k = 0; k < rows.count[y]; k++) {
                        sum += rows.weight[w0 + k] * tmp[(start + k) * outWidth + x];
                    }
                    out[outPlane + y * outWidth + x] = sum;
                }
            }
        }
    }

    /** Normalised filter taps for every output position along one axis. */
    private static final class Weights {
        final int taps;
        final int[] start;
        final int[] count;
        final float[] weight;
        int minIndex = Integer.MAX_VALUE;
        int maxIndex = -1;

        private Weights(int taps, int outSize) {
            this.taps = taps;
            this.start = new int[outSize];
            this.count = new int[outSize];
            this.weight = new float[taps * outSize];
        }

        static Weights of(double origin, double length, int inSize, int outSize) {
            double scale = length / outSize;
            double support = Math.max(scale, 1.0); // filter half-width in input pixels
            int taps = (int) Math.ceil(support) * 2 + 1;
            Weights w = new Weights(taps, outSize);
            for (int o = 0; o < outSize; o++) {
                double centre = origin + (o + 0.5) * scale; // in input pixel coordinates (pixel i covers [i, i+1))
                int lo = (int) Math.floor(centre - support - 0.5);
                int hi = (int) Math.ceil(centre + support - 0.5);
                lo = Math.max(lo, 0);
                hi = Math.min(hi, inSize - 1);
                double total = 0;
                int n = 0;
                int first = -1;
                double[] tmp = new double[hi - lo + 1];
                for (int i = lo; i <= hi; i++) {
                    double distance = Math.abs(i + 0.5 - centre) / support;
                    double value = distance < 1 ? 1 - distance : 0;
                    tmp[i - lo] = value;
                    total += value;
                }
                // trim zero weights at both ends so that the stored taps fit
                int a = 0;
                int b = tmp.length - 1;
                while (a < b && tmp[a] == 0) {
                    a++;
                }
                while (b > a && tmp[b] == 0) {
                    b--;
                }
                if (total == 0) { // centre outside the image: nearest edge pixel
                    int nearest = Math.min(Math.max((int) Math.floor(centre), 0), inSize - 1);
                    first = nearest;
                    n = 1;
                    w.weight[o * taps] = 1f;
                } else {
                    first = lo + a;
                    n = b - a + 1;
                    if (n > taps) {
                        throw new IllegalStateException("filter of " + n + " taps exceeds " + taps);
                    }
                    for (int k = 0; k < n; k++) {
                        w.weight[o * taps + k] = (float) (tmp[a + k] / total);
                    }
                }
                w.start[o] = first;
                w.count[o] = n;
                w.minIndex = Math.min(w.minIndex, first);
                w.maxIndex = Math.max(w.maxIndex, first + n - 1);
            }
            return w;
        }
    }
}
