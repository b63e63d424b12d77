package org.istanas.data.image;

import java.awt.image.BufferedImage;
import org.istanas.api.data.ImageShape;

/** Conversions between {@code BufferedImage} and CHW float arrays with values in [0,1]. */
public final class ImageConversion {
    private ImageConversion() {
    }

    /** The image as 3 x height x width RGB floats in [0,1] (grey, palette and alpha images are converted). */
    public static float[] toRgbChw(BufferedImage image) {
        int h = image.getHeight();
        int w = image.getWidth();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        int plane = h * w;
        float[] out = new float[3 * plane];
        for (int i = 0; i < plane; i++) {
            int p = argb[i];
            out[i] = ((p >>> 16) & 0xFF) / 255f;
            out[plane + i] = ((p >>> 8) & 0xFF) / 255f;
            out[2 * plane + i] = (p & 0xFF) / 255f;
        }
        return out;
    }

    /**
     * Renders a CHW image (1 or 3 channels, values in [0,1], clamped) as an RGB {@code BufferedImage}, each pixel
     * drawn as a {@code zoom x zoom} block.
     */
    public static BufferedImage toBufferedImage(float[] chw, int offset, ImageShape shape, int zoom) {
        int c = shape.channels();
        if (c != 1 && c != 3) {
            throw new IllegalArgumentException("only 1- or 3-channel images can be rendered, got " + shape);
        }
        int h = shape.height();
        int w = shape.width();
        int plane = h * w;
        BufferedImage image = new BufferedImage(w * zoom, h * zoom, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = offset + y * w + x;
                int r = toByte(chw[i]);
                int g = c == 3 ? toByte(chw[i + plane]) : r;
                int b = c == 3 ? toByte(chw[i + 2 * plane]) : r;
                int rgb = (r << 16) | (g << 8) | b;
                for (int dy = 0; dy < zoom; dy++) {
                    for (int dx = 0; dx < zoom; dx++) {
                        image.setRGB(x * zoom + dx, y * zoom + dy, rgb);
                    }
                }
            }
        }
        return image;
    }

    private static int toByte(float v) {
        return Math.round(Math.max(0f, Math.min(1f, v)) * 255f);
    }
}
