package org.istanas.api.data;

/** One split of a dataset: random access to images and labels. Implementations are thread-safe. */
public interface ImageSplit {
    int size();

    /** Label of image {@code index}, in [0, numClasses). */
    int label(int index);

    /**
     * Writes image {@code index} into {@code destination} at {@code offset}, CHW layout, values in [0,1],
     * exactly {@link ImageShape#size()} floats.
     */
    void readImage(int index, float[] destination, int offset);
}
