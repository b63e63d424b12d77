package org.istanas.data.pipeline;

/**
 * torchvision's {@code RandomResizedCrop}: a crop covering a random fraction of the area in [minScale, maxScale]
 * with a log-uniform aspect ratio in [minRatio, maxRatio], resized to {@code size x size}.
 */
public record RandomResizedCrop(int size, double minScale, double maxScale, double minRatio, double maxRatio) {
    public RandomResizedCrop {
        if (size < 1) {
            throw new IllegalArgumentException("random-resized-crop size must be positive, got " + size);
        }
        if (!(minScale > 0 && minScale <= maxScale && maxScale <= 1)) {
            throw new IllegalArgumentException("random-resized-crop scale range must satisfy 0 < min <= max <= 1, got ["
                    + minScale + ", " + maxScale + "]");
        }
        if (!(minRatio > 0 && minRatio <= maxRatio)) {
            throw new IllegalArgumentException("random-resized-crop ratio range must satisfy 0 < min <= max, got ["
                    + minRatio + ", " + maxRatio + "]");
        }
    }

    /** The ImageNet defaults: scale 0.08..1, ratio 3/4..4/3. */
    public static RandomResizedCrop imagenet(int size) {
        return new RandomResizedCrop(size, 0.08, 1.0, 3.0 / 4.0, 4.0 / 3.0);
    }
}
