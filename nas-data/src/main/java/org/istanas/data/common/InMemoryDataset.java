package org.istanas.data.common;

import java.util.List;
import java.util.Objects;
import org.istanas.api.data.ImageDataset;
import org.istanas.api.data.ImageShape;
import org.istanas.api.data.ImageSplit;

/**
 * An immutable {@link ImageDataset} assembled by a provider from its two splits.
 *
 * @param name       provider name
 * @param shape      shape delivered by {@link ImageSplit#readImage}
 * @param classNames class names, index = label
 * @param train      training split
 * @param test       test split
 * @param mean       per-channel normalisation mean in [0,1]
 * @param std        per-channel normalisation standard deviation
 * @param checksum   SHA-256 (hex) identifying the data read
 */
public record InMemoryDataset(String name, ImageShape shape, List<String> classNames, ImageSplit train,
                              ImageSplit test, float[] mean, float[] std, String checksum) implements ImageDataset {
    public InMemoryDataset {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(shape, "shape is null");
        classNames = List.copyOf(classNames);
        Objects.requireNonNull(train, "train is null");
        Objects.requireNonNull(test, "test is null");
        Objects.requireNonNull(checksum, "checksum is null");
        mean = mean.clone();
        std = std.clone();
        if (mean.length != shape.channels() || std.length != shape.channels()) {
            throw new IllegalArgumentException("mean and std need " + shape.channels() + " values (one per channel), got "
                    + mean.length + " and " + std.length);
        }
        for (float s : std) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("std must be positive, got " + s);
            }
        }
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }

    @Override
    public String toString() {
        return name + " (" + classNames.size() + " classes, " + shape.channels() + "x" + shape.height() + "x"
                + shape.width() + ", train " + train.size() + ", test " + test.size() + ")";
    }
}
