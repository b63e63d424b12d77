package org.istanas.api.data;

/**
 * A mini-batch as the data pipeline hands it to a network: {@code size} images in NCHW layout, normalised and
 * augmented, with their labels. Engine-neutral; the engine copies it into its own tensors.
 */
public record Batch(float[] images, int[] labels, int size, ImageShape shape) {
    public Batch {
        if (labels.length != size || images.length != (long) size * shape.size()) {
            throw new IllegalArgumentException("batch of " + size + " images of " + shape + " needs "
                    + (long) size * shape.size() + " floats and " + size + " labels, got " + images.length
                    + " and " + labels.length);
        }
    }
}
