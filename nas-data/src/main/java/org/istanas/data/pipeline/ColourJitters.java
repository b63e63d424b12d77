package org.istanas.data.pipeline;

import java.util.random.RandomGenerator;

/** Applies a {@link ColourJitter} in place to a CHW image with values in [0,1]. */
final class ColourJitters {
    private ColourJitters() {
    }

    static void apply(ColourJitter jitter, float[] img, int offset, int channels, int plane, RandomGenerator random) {
        // draw the order and all factors first (fixed number of draws), then apply
        int[] order = {0, 1, 2, 3};
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        double brightness = factor(jitter.brightness(), random);
        double contrast = factor(jitter.contrast(), random);
        double saturation = factor(jitter.saturation(), random);
        double hue = jitter.hue() == 0 ? 0 : (random.nextDouble() * 2 - 1) * jitter.hue();
        for (int op : order) {
            switch (op) {
                case 0 -> {
                    if (jitter.brightness() > 0) {
                        blend(img, offset, channels * plane, brightness, 0);
                    }
                }
                case 1 -> {
                    if (jitter.contrast() > 0) {
                        blend(img, offset, channels * plane, contrast, meanGrey(img, offset, channels, plane));
                    }
                }
                case 2 -> {
                    if (jitter.saturation() > 0 && channels == 3) {
                        saturate(img, offset, plane, saturation);
                    }
                }
                default -> {
                    if (jitter.hue() != 0 && channels == 3) {
                        shiftHue(img, offset, plane, hue);
                    }
                }
            }
        }
    }

    private static double factor(double amount, RandomGenerator random) {
        if (amount == 0) {
            return 1;
        }
        double lo = Math.max(0, 1 - amount);
        return lo + random.nextDouble() * (1 + amount - lo);
    }

    /** x = clamp(f * x + (1 - f) * other). */
    private static void blend(float[] img, int offset, int n, double f, double other) {
        for (int i = offset; i < offset + n; i++) {
            img[i] = clamp(f * img[i] + (1 - f) * other);
        }
    }

    private static double meanGrey(float[] img, int offset, int channels, int plane) {
        double sum = 0;
        for (int i = 0; i < plane; i++) {
            sum += channels == 3 ? grey(img, offset, plane, i) : img[offset + i];
        }
        return sum / plane;
    }

    private static double grey(float[] img, int offset, int plane, int i) {
        return 0.299 * img[offset + i] + 0.587 * img[offset + plane + i] + 0.114 * img[offset + 2 * plane + i];
    }

    private static void saturate(float[] img, int offset, int plane, double f) {
        for (int i = 0; i < plane; i++) {
            double g = grey(img, offset, plane, i);
            for (int c = 0; c < 3; c++) {
                int k = offset + c * plane + i;
                img[k] = clamp(f * img[k] + (1 - f) * g);
            }
        }
    }

    private static void shiftHue(float[] img, int offset, int plane, double shift) {
        for (int i = 0; i < plane; i++) {
            double r = img[offset + i];
            double g = img[offset + plane + i];
            double b = img[offset + 2 * plane + i];
            double max = Math.max(r, Math.max(g, b));
            double min = Math.min(r, Math.min(g, b));
            double delta = max - min;
            if (delta == 0) {
                continue; // grey: hue undefined, nothing to rotate
            }
            double h;
            if (max == r) {
                h = ((g - b) / delta) / 6;
            } else if (max == g) {
                h = ((b - r) / delta + 2) / 6;
            } else {
                h = ((r - g) / delta + 4) / 6;
            }
            h = h + shift;
            h -= Math.floor(h);
            double s = delta / max;
            double v = max;
            double h6 = h * 6;
            int sector = (int) Math.floor(h6) % 6;
            double f = h6 - Math.floor(h6);
            double p = v * (1 - s);
            double q = v * (1 - s * f);
            double t = v * (1 - s * (1 - f));
            double[] rgb = switch (sector) {
                case 0 -> new double[] {v, t, p};
                case 1 -> new double[] {q, v, p};
                case 2 -> new double[] {p, v, t};
                case 3 -> new double[] {p, q, v};
                case 4 -> new double[] {t, p, v};
                default -> new double[] {v, p, q};
            };
            img[offset + i] = clamp(rgb[0]);
            img[offset + plane + i] = clamp(rgb[1]);
            img[offset + 2 * plane + i] = clamp(rgb[2]);
        }
    }

    private static float clamp(double v) {
        return (float) Math.min(1.0, Math.max(0.0, v));
    }
}
