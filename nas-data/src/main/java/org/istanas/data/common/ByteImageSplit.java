package org.istanas.data.common;

import java.util.Objects;
import org.istanas.api.data.ImageShape;

/**
 * A split held in memory as one byte per pixel value (0..255, CHW per image), converted to floats in [0,1] only when
 * an image is read: a quarter of the memory of floats, so all of CIFAR-10 fits in about 150 MB. Immutable and
 * therefore thread-safe.
 */
public final class ByteImageSplit implements ShapedImageSplit {
    private final byte[] pixels;
    private final byte[] labels;
    private final ImageShape shape;
    private final int size;

    /**
     * @param pixels {@code size * shape.size()} bytes, image after image, CHW within an image (not copied: the
     *               caller hands over ownership)
     * @param labels one unsigned label per image (not copied)
     */
    public ByteImageSplit(byte[] pixels, byte[] labels, ImageShape shape) {
        this.pixels = Objects.requireNonNull(pixels, "pixels is null");
        this.labels = Objects.requireNonNull(labels, "labels is null");
        this.shape = Objects.requireNonNull(shape, "shape is null");
        this.size = labels.length;
        if ((long) size * shape.size() != pixels.length) {
            throw new IllegalArgumentException(size + " labels need " + (long) size * shape.size()
                    + " pixel bytes of " + shape + ", got " + pixels.length);
        }
    }

    @Override
    public ImageShape shape() {
        return shape;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int label(int index) {
        Objects.checkIndex(index, size);
        return labels[index] & 0xFF;
    }

    @Override
    public void readImage(int index, float[] destination, int offset) {
        Objects.checkIndex(index, size);
        int n = shape.size();
        Objects.checkFromIndexSize(offset, n, destination.length);
        int from = index * n;
        for (int i = 0; i < n; i++) {
            destination[offset + i] = (pixels[from + i] & 0xFF) / 255f; // division: exact nearest float
        }
    }
}
