package org.istanas.search.toolkit.training;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Splits the first {@code used} training images into a weight-training part and a validation part (the images that
 * train the architecture).
 *
 * @param train indices training the weights
 * @param valid indices training the architecture and measuring super-net accuracy
 */
public record IndexSplit(int[] train, int[] valid) {
    /**
     * @param available images in the training split
     * @param used      how many to use (0 = all)
     * @param portion   share going to {@code train}
     * @param shuffle   shuffle (seeded) before splitting; false keeps index order as the official code does
     */
    public static IndexSplit of(int available, int used, double portion, boolean shuffle, long seed) {
        int n = used == 0 ? available : used;
        if (n > available) {
            throw new IllegalArgumentException("trainImages is " + used + " but the training split has only "
                    + available + " images");
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (shuffle) {
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        int cut = (int) Math.floor(portion * n);
        if (cut < 1 || cut >= n) {
            throw new IllegalArgumentException("trainPortion " + portion + " of " + n + " images leaves an empty part");
        }
        return new IndexSplit(Arrays.copyOf(order, cut), Arrays.copyOfRange(order, cut, n));
    }
}
