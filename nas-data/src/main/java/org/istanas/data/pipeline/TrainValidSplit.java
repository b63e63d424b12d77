package org.istanas.data.pipeline;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.istanas.api.run.Seeds;
import org.istanas.data.common.Sha256;

/**
 * The two-stage search's split of the training set into a weights half ({@link #train()}) and an architecture half
 * ({@link #valid()}): indices optionally shuffled with a seeded generator, then the first {@code floor(n/2)} and the
 * rest (the official code's {@code train_portion 0.5}, which keeps index order). Record {@link #fingerprint()} with a
 * run to prove which split was used.
 *
 * @param train indices of the weights half (a copy is returned)
 * @param valid indices of the architecture half (a copy is returned)
 */
public record TrainValidSplit(int[] train, int[] valid) {
    private static final long SHUFFLE_TAG = 0x5350_4C49_54L; // "SPLIT"

    public TrainValidSplit {
        train = train.clone();
        valid = valid.clone();
    }

    /** A seeded shuffle of {@code 0..n-1}, then first half / second half. */
    public static TrainValidSplit halves(int n, long seed) {
        return halves(n, seed, true);
    }

    /**
     * Halves of {@code 0..n-1}; with {@code shuffle = false} the first half by index and the rest, as the official
     * ISTA-NAS code does (the seed is then unused).
     */
    public static TrainValidSplit halves(int n, long seed, boolean shuffle) {
        if (n < 2) {
            throw new IllegalArgumentException("splitting needs at least 2 training images, got " + n);
        }
        int[] order = IntStream.range(0, n).toArray();
        if (shuffle) {
            SplittableRandom random = new SplittableRandom(Seeds.mix(seed, SHUFFLE_TAG));
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        int half = n / 2;
        return new TrainValidSplit(Arrays.copyOfRange(order, 0, half), Arrays.copyOfRange(order, half, n));
    }

    @Override
    public int[] train() {
        return train.clone();
    }

    @Override
    public int[] valid() {
        return valid.clone();
    }

    /** SHA-256 (hex) of both index lists, for provenance. */
    public String fingerprint() {
        MessageDigest digest = Sha256.newDigest();
        for (int[] part : new int[][] {train, valid}) {
            ByteBuffer bytes = ByteBuffer.allocate(4 + part.length * 4);
            bytes.putInt(part.length);
            for (int i : part) {
                bytes.putInt(i);
            }
            digest.update(bytes.array());
        }
        return Sha256.hex(digest);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainValidSplit other && Arrays.equals(train, other.train)
                && Arrays.equals(valid, other.valid);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(train) + Arrays.hashCode(valid);
    }

    @Override
    public String toString() {
        return "TrainValidSplit[train=" + train.length + " images, valid=" + valid.length + " images, sha256="
                + fingerprint().substring(0, 12) + "]";
    }
}
