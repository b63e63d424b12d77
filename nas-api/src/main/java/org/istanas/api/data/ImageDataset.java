package org.istanas.api.data;

import java.util.List;

/** A labelled image dataset with a training and a test split. */
public interface ImageDataset {
    /** The provider name this dataset came from. */
    String name();

    /** Shape of each image as {@link ImageSplit#readImage} delivers it. */
    ImageShape shape();

    /** Class names, index = label. */
    List<String> classNames();

    default int numClasses() {
        return classNames().size();
    }

    ImageSplit train();

    ImageSplit test();

    /** Per-channel mean of pixel values in [0,1] used for normalisation (published values where they exist). */
    float[] mean();

    /** Per-channel standard deviation matching {@link #mean()}. */
    float[] std();

    /** A checksum identifying the data read (for provenance), e.g. SHA-256 of the files. */
    String checksum();
}
