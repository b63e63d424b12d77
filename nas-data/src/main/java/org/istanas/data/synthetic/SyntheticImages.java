package org.istanas.data.synthetic;

import java.util.List;
import java.util.SplittableRandom;
import org.istanas.api.run.Seeds;

/**
 * Renders synthetic image {@code index} of a split as a pure function of (seed, split, index). Image {@code i} has
 * label {@code i % 10}. Each image is a pattern drawn inside a randomly placed, randomly sized box, in a random bright
 * colour over a random dark background, plus Gaussian pixel noise. Because position, colour and pattern phase are
 * random, no single pixel carries the class: a linear model on raw pixels does poorly, while a convolution that
 * detects local orientation and shape, pooled over positions, separates the classes.
 */
public final class SyntheticImages {
    /** Class names, index = label. */
    public static final List<String> CLASS_NAMES = List.of("horizontal-stripes", "vertical-stripes",
            "diagonal-stripes", "antidiagonal-stripes", "checkerboard", "disc", "ring", "plus", "cross", "frame");
    public static final int CLASSES = 10;
    public static final int CHANNELS = 3;
    public static final int SIDE = 32;
    public static final int SIZE = CHANNELS * SIDE * SIDE;

    private final long seed;
    private final double noise;

    /**
     * @param seed  base seed
     * @param noise standard deviation of the additive Gaussian pixel noise (values are clamped to [0,1])
     */
    public SyntheticImages(long seed, double noise) {
        if (!(noise >= 0 && noise <= 1)) {
            throw new IllegalArgumentException("noise must be in [0, 1], got " + noise);
        }
        this.seed = seed;
        this.noise = noise;
    }

    public static int label(int index) {
        return index % CLASSES;
    }

    /** Writes image {@code index} of split {@code splitTag} (CHW, [0,1]) into {@code out} at {@code offset}. */
    public void render(int splitTag, int index, float[] out, int offset) {
        SplittableRandom rng = new SplittableRandom(Seeds.mix(seed, splitTag, index));
        int label = label(index);
        float[] background = new float[CHANNELS];
        float[] foreground = new float[CHANNELS];
        for (int c = 0; c < CHANNELS; c++) {
            background[c] = (float) (rng.nextDouble() * 0.45);
            foreground[c] = (float) (0.55 + rng.nextDouble() * 0.45);
        }
        int box = 12 + rng.nextInt(9); // 12..20 pixels
        int top = rng.nextInt(SIDE - box + 1);
        int left = rng.nextInt(SIDE - box + 1);
        int phase = rng.nextInt(4);
        int thickness = 2 + rng.nextInt(2);
        int plane = SIDE * SIDE;
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int v = y - top;
                int u = x - left;
                boolean on = v >= 0 && v < box && u >= 0 && u < box && inPattern(label, u, v, box, phase, thickness);
                float[] colour = on ? foreground : background;
                for (int c = 0; c < CHANNELS; c++) {
                    double value = colour[c] + (noise == 0 ? 0 : noise * rng.nextGaussian());
                    out[offset + c * plane + y * SIDE + x] = (float) Math.min(1.0, Math.max(0.0, value));
                }
            }
        }
    }

    /** Whether box coordinate (u, v) is foreground for the pattern of {@code label}. */
    private static boolean inPattern(int label, int u, int v, int box, int phase, int thickness) {
        double centre = (box - 1) / 2.0;
        double du = u - centre;
        double dv = v - centre;
        double radius = box / 2.0;
        return switch (label) {
            case 0 -> ((v + phase) / 2) % 2 == 0;
            case 1 -> ((u + phase) / 2) % 2 == 0;
            case 2 -> ((u + v + phase) / 2) % 2 == 0;
            case 3 -> ((u - v + box + phase) / 2) % 2 == 0;
            case 4 -> ((u / 2) + (v / 2)) % 2 == 0;
            case 5 -> du * du + dv * dv <= radius * radius;
            case 6 -> {
                double r = Math.sqrt(du * du + dv * dv);
                yield r <= radius && r > radius - thickness;
            }
            case 7 -> Math.abs(du) < thickness / 2.0 + 0.5 || Math.abs(dv) < thickness / 2.0 + 0.5;
            case 8 -> Math.abs(du - dv) < thickness * 0.75 || Math.abs(du + dv) < thickness * 0.75;
            case 9 -> u < thickness || v < thickness || u >= box - thickness || v >= box - thickness;
            default -> throw new IllegalArgumentException("label " + label);
        };
    }
}
