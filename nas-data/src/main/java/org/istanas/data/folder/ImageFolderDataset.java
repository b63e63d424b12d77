package org.istanas.data.folder;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.istanas.api.data.ImageDataset;
import org.istanas.api.data.ImageShape;
import org.istanas.api.data.ImageSplit;

/**
 * An image-folder dataset. {@link #shape()} is the stored size (3 x resizeSize x resizeSize, default 256 = 224 * 8/7);
 * {@link #imageSize()} is the network input size (default 224) that
 * {@link org.istanas.data.pipeline.Augmentation#imagenetTrain(int)} and
 * {@link org.istanas.data.pipeline.Augmentation#imagenetEval(int)} crop to.
 */
public final class ImageFolderDataset implements ImageDataset {
    /** ImageNet channel means (torchvision convention). */
    public static final float[] IMAGENET_MEAN = {0.485f, 0.456f, 0.406f};
    /** ImageNet channel standard deviations (torchvision convention). */
    public static final float[] IMAGENET_STD = {0.229f, 0.224f, 0.225f};

    private final Path root;
    private final List<String> classNames;
    private final ImageFolderSplit train;
    private final ImageFolderSplit test;
    private final int imageSize;
    private final String checksum;

    ImageFolderDataset(Path root, List<String> classNames, ImageFolderSplit train, ImageFolderSplit test,
                       int imageSize, String checksum) {
        this.root = Objects.requireNonNull(root, "root is null");
        this.classNames = List.copyOf(classNames);
        this.train = Objects.requireNonNull(train, "train is null");
        this.test = Objects.requireNonNull(test, "test is null");
        this.imageSize = imageSize;
        this.checksum = Objects.requireNonNull(checksum, "checksum is null");
    }

    @Override
    public String name() {
        return ImageFolderProvider.NAME;
    }

    @Override
    public ImageShape shape() {
        return train.shape();
    }

    /** Side of the square crops the network sees (option {@code imageSize}). */
    public int imageSize() {
        return imageSize;
    }

    /** The dataset root (holding {@code train/} and {@code val/}). */
    public Path root() {
        return root;
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public ImageSplit train() {
        return train;
    }

    @Override
    public ImageSplit test() {
        return test;
    }

    @Override
    public float[] mean() {
        return IMAGENET_MEAN.clone();
    }

    @Override
    public float[] std() {
        return IMAGENET_STD.clone();
    }

    /** SHA-256 of the sorted listing (relative path and size of every image), not of the pixel content. */
    @Override
    public String checksum() {
        return checksum;
    }
}
