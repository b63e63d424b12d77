package org.istanas.data.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.istanas.api.data.ImageShape;
import org.junit.jupiter.api.Test;

final class AugmentationTest {
    private static final ImageShape CIFAR = new ImageShape(3, 32, 32);
    private static final float[] ZERO = {0, 0, 0};
    private static final float[] ONE = {1, 1, 1};

    /** Distinct positive values, so that every window and mirror is identifiable. */
    private static float[] ramp(ImageShape shape) {
        float[] image = new float[shape.size()];
        for (int i = 0; i < image.length; i++) {
            image[i] = (i + 1) / (float) image.length;
        }
        return image;
    }

    private static float at(float[] image, ImageShape s, int c, int y, int x) {
        return image[(c * s.height() + y) * s.width() + x];
    }

    @Test
    void paddedCropIsAShiftedWindowOfTheZeroPaddedImageAndFlipIsAnExactMirror() {
        Augmentation crop = new Augmentation(4, false, 0, null, 0, ColourJitter.none());
        Augmentation cropFlip = Augmentation.cifar(0);
        float[] image = ramp(CIFAR);
        int mirrored = 0;
        for (long seed = 0; seed < 40; seed++) {
            float[] plain = new float[CIFAR.size()];
            crop.apply(image, CIFAR, ZERO, ONE, new SplittableRandom(seed), plain, 0);
            assertThat(crop.outputShape(CIFAR)).isEqualTo(CIFAR);
            int[] shift = findShift(image, plain);
            assertThat(shift).as("seed %d: output is a window of the padded image", seed).isNotNull();
            assertThat(Math.abs(shift[0])).isLessThanOrEqualTo(4);
            assertThat(Math.abs(shift[1])).isLessThanOrEqualTo(4);

            // same draws, then a coin for the flip: the output is the window, possibly mirrored exactly
            float[] flipped = new float[CIFAR.size()];
            cropFlip.apply(image, CIFAR, ZERO, ONE, new SplittableRandom(seed), flipped, 0);
            if (!Arrays.equals(flipped, plain)) {
                mirrored++;
                for (int c = 0; c < 3; c++) {
                    for (int y = 0; y < 32; y++) {
                        for (int x = 0; x < 32; x++) {
                            assertThat(at(flipped, CIFAR, c, y, x)).isEqualTo(at(plain, CIFAR, c, y, 31 - x));
                        }
                    }
                }
            }
        }
        assertThat(mirrored).as("flips in 40 draws").isBetween(8, 32);
    }

    /** The (dy, dx) such that out(y, x) = padded(y + dy, x + dx), or null. */
    private static int[] findShift(float[] image, float[] out) {
        for (int dy = -4; dy <= 4; dy++) {
            for (int dx = -4; dx <= 4; dx++) {
                boolean match = true;
                for (int c = 0; c < 3 && match; c++) {
                    for (int y = 0; y < 32 && match; y++) {
                        for (int x = 0; x < 32 && match; x++) {
                            int sy = y + dy;
                            int sx = x + dx;
                            float expected = sy < 0 || sy >= 32 || sx < 0 || sx >= 32 ? 0f : at(image, CIFAR, c, sy, sx);
                            match = at(out, CIFAR, c, y, x) == expected;
                        }
                    }
                }
                if (match) {
                    return new int[] {dy, dx};
                }
            }
        }
        return null;
    }

    @Test
    void normalisesPerChannel() {
        float[] image = ramp(CIFAR);
        float[] mean = {0.1f, 0.2f, 0.3f};
        float[] std = {0.5f, 0.25f, 2f};
        float[] out = new float[CIFAR.size()];
        Augmentation.none().apply(image, CIFAR, mean, std, new SplittableRandom(1), out, 0);
        for (int i = 0; i < out.length; i++) {
            int c = i / 1024;
            assertThat(out[i]).isCloseTo((image[i] - mean[c]) / std[c], offset(1e-6f));
        }
    }

    @Test
    void cutoutZeroesExactlyASixteenSquareWhenInsideAndAClippedOneAtTheBorder() {
        Augmentation cutout = Augmentation.none().withCutout(16);
        float[] image = ramp(CIFAR);
        int inside = 0;
        int clipped = 0;
        for (long seed = 0; seed < 60; seed++) {
            float[] out = new float[CIFAR.size()];
            // mean 2 keeps every normalised value negative: zeros are cutout only
            cutout.apply(image, CIFAR, new float[] {2, 2, 2}, ONE, new SplittableRandom(seed), out, 0);
            int minY = 99;
            int maxY = -1;
            int minX = 99;
            int maxX = -1;
            int zeros = 0;
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    boolean zero = at(out, CIFAR, 0, y, x) == 0f;
                    assertThat(at(out, CIFAR, 1, y, x) == 0f).isEqualTo(zero);
                    assertThat(at(out, CIFAR, 2, y, x) == 0f).isEqualTo(zero);
                    if (zero) {
                        zeros++;
                        minY = Math.min(minY, y);
                        maxY = Math.max(maxY, y);
                        minX = Math.min(minX, x);
                        maxX = Math.max(maxX, x);
                    }
                }
            }
            int h = maxY - minY + 1;
            int w = maxX - minX + 1;
            assertThat(zeros).as("zeros form a filled rectangle").isEqualTo(h * w);
            if (minY > 0 && minX > 0 && maxY < 31 && maxX < 31) {
                assertThat(h).isEqualTo(16);
                assertThat(w).isEqualTo(16);
                inside++;
            } else {
                assertThat(h).isBetween(8, 16);
                assertThat(w).isBetween(8, 16);
                clipped++;
            }
        }
        assertThat(inside).isPositive();
        assertThat(clipped).isPositive();
    }

    @Test
    void sameSeedGivesSameImageAndOutputIsWrittenAtTheOffset() {
        Augmentation full = Augmentation.cifar(16).withColourJitter(ColourJitter.pcDarts());
        float[] image = ramp(CIFAR);
        float[] a = new float[CIFAR.size() + 7];
        float[] b = new float[CIFAR.size()];
        full.apply(image, CIFAR, ZERO, ONE, new SplittableRandom(42), a, 7);
        full.apply(image, CIFAR, ZERO, ONE, new SplittableRandom(42), b, 0);
        assertThat(Arrays.copyOfRange(a, 7, a.length)).isEqualTo(b);
        assertThat(Arrays.copyOfRange(a, 0, 7)).containsOnly(0f);
        float[] c = new float[CIFAR.size()];
        full.apply(image, CIFAR, ZERO, ONE, new SplittableRandom(43), c, 0);
        assertThat(c).isNotEqualTo(b);
    }

    @Test
    void randomResizedCropOfAConstantImageIsConstantAndHasTheRequestedSize() {
        ImageShape stored = new ImageShape(3, 64, 48);
        float[] image = new float[stored.size()];
        for (int i = 0; i < image.length; i++) {
            image[i] = 0.25f + 0.25f * (i / (64 * 48));
        }
        Augmentation train = Augmentation.imagenetTrain(20);
        assertThat(train.outputShape(stored)).isEqualTo(new ImageShape(3, 20, 20));
        for (long seed = 0; seed < 20; seed++) {
            float[] out = new float[3 * 400];
            train.apply(image, stored, ZERO, ONE, new SplittableRandom(seed), out, 0);
            for (int i = 0; i < out.length; i++) {
                assertThat(out[i]).isCloseTo(0.25f + 0.25f * (i / 400), offset(1e-5f));
            }
        }
    }

    @Test
    void centreCropTakesTheMiddleWindow() {
        ImageShape stored = new ImageShape(1, 8, 8);
        float[] image = ramp(stored);
        float[] out = new float[16];
        Augmentation.imagenetEval(4).apply(image, stored, new float[] {0}, new float[] {1}, new SplittableRandom(0),
                out, 0);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                assertThat(out[y * 4 + x]).isEqualTo(image[(y + 2) * 8 + x + 2]);
            }
        }
    }

    @Test
    void colourJitterKeepsGreyImagesGreyUnderHueAndSaturation() {
        ImageShape shape = new ImageShape(3, 4, 4);
        float[] grey = new float[shape.size()];
        Arrays.fill(grey, 0.5f);
        float[] out = new float[shape.size()];
        new Augmentation(0, false, 0, null, 0, new ColourJitter(0, 0, 0.4, 0.5))
                .apply(grey, shape, ZERO, ONE, new SplittableRandom(3), out, 0);
        assertThat(out).containsOnly(0.5f);

        // a pure hue rotation by a third of the wheel maps red to green or blue
        float[] red = new float[shape.size()];
        Arrays.fill(red, 0, 16, 1f);
        Augmentation hue = new Augmentation(0, false, 0, null, 0, new ColourJitter(0, 0, 0, 0.5));
        hue.apply(red, shape, ZERO, ONE, new SplittableRandom(5), out, 0);
        float max = Math.max(out[0], Math.max(out[16], out[32]));
        assertThat(max).isCloseTo(1f, offset(1e-5f));
    }

    @Test
    void rejectsConflictingGeometry() {
        assertThatThrownBy(() -> new Augmentation(4, false, 0, RandomResizedCrop.imagenet(224), 0,
                ColourJitter.none())).hasMessageContaining("choose one");
        assertThatThrownBy(() -> Augmentation.cifar(-1)).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> new ColourJitter(0, 0, 0, 0.6)).hasMessageContaining("hue");
    }
}
