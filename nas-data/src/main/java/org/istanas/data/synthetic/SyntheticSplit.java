package org.istanas.data.synthetic;

import java.util.Objects;
import org.istanas.api.data.ImageShape;
import org.istanas.data.common.ShapedImageSplit;

/** A split of the synthetic dataset, rendered on every read (stateless, thread-safe, no memory per image). */
final class SyntheticSplit implements ShapedImageSplit {
    private final SyntheticImages images;
    private final int splitTag;
    private final int size;

    SyntheticSplit(SyntheticImages images, int splitTag, int size) {
        this.images = Objects.requireNonNull(images, "images is null");
        this.splitTag = splitTag;
        this.size = size;
    }

    @Override
    public ImageShape shape() {
        return new ImageShape(SyntheticImages.CHANNELS, SyntheticImages.SIDE, SyntheticImages.SIDE);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int label(int index) {
        Objects.checkIndex(index, size);
        return SyntheticImages.label(index);
    }

    @Override
    public void readImage(int index, float[] destination, int offset) {
        Objects.checkIndex(index, size);
        Objects.checkFromIndexSize(offset, SyntheticImages.SIZE, destination.length);
        images.render(splitTag, index, destination, offset);
    }
}
