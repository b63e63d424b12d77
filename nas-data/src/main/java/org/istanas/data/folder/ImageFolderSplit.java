package org.istanas.data.folder;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.istanas.api.data.ImageShape;
import org.istanas.data.common.ShapedImageSplit;
import org.istanas.data.image.ImageConversion;
import org.istanas.data.image.Resampler;

/**
 * A split whose images are decoded from files on every read: the shorter side is resized to {@code storedSize}
 * (antialiased bilinear) and the centre {@code storedSize x storedSize} square is kept, so every image has the
 * shape 3 x storedSize x storedSize. Thread-safe (no shared mutable state); decoding in parallel is the job of
 * {@link org.istanas.data.pipeline.BatchLoader}'s workers.
 */
final class ImageFolderSplit implements ShapedImageSplit {
    private final List<ImageFile> files;
    private final ImageShape shape;

    ImageFolderSplit(List<ImageFile> files, int storedSize) {
        this.files = List.copyOf(files);
        this.shape = new ImageShape(3, storedSize, storedSize);
    }

    @Override
    public ImageShape shape() {
        return shape;
    }

    /** The file of image {@code index}. */
    Path file(int index) {
        return files.get(index).path();
    }

    @Override
    public int size() {
        return files.size();
    }

    @Override
    public int label(int index) {
        return files.get(index).label();
    }

    @Override
    public void readImage(int index, float[] destination, int offset) {
        Objects.checkFromIndexSize(offset, shape.size(), destination.length);
        Path path = files.get(index).path();
        BufferedImage image;
        try {
            image = ImageIO.read(path.toFile());
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException(new IOException(path + ": cannot decode image: " + e.getMessage(), e));
        }
        if (image == null) {
            throw new UncheckedIOException(new IOException(path + ": not a decodable image (no javax.imageio reader"
                    + " recognises its content; JPEG and PNG are supported)"));
        }
        float[] rgb = ImageConversion.toRgbChw(image);
        int h = image.getHeight();
        int w = image.getWidth();
        int side = Math.min(h, w);
        // resize shorter side to S then centre-crop S x S == resample the centred side x side square to S x S
        Resampler.resize(rgb, 3, h, w, (h - side) / 2.0, (w - side) / 2.0, side, side, destination, offset,
                shape.height(), shape.width());
    }
}
