package org.istanas.data.common;

import org.istanas.api.data.ImageShape;
import org.istanas.api.data.ImageSplit;

/**
 * A split that knows the shape of its images, so that {@link org.istanas.data.pipeline.BatchLoader} needs no shape
 * to be passed. Every split of this module implements it.
 */
public interface ShapedImageSplit extends ImageSplit {
    /** Shape of each image written by {@link #readImage}. */
    ImageShape shape();
}
