package org.istanas.data.pipeline;

import java.util.Objects;
import java.util.random.RandomGenerator;
import org.istanas.api.data.ImageDataset;
import org.istanas.api.data.ImageShape;
import org.istanas.data.folder.ImageFolderDataset;
import org.istanas.data.image.Resampler;

/**
 * What is done to an image between the dataset and the network, in torchvision's order:
 * <ol>
 *   <li>geometry: a random-resized crop, or a centre crop, or zero padding by {@code padding} followed by a random
 *       crop back to the input size (pad value 0 = black, before normalisation, like {@code RandomCrop(32, 4)});</li>
 *   <li>a horizontal flip with probability 1/2;</li>
 *   <li>colour jitter (values in [0,1]);</li>
 *   <li>normalisation {@code (x - mean[c]) / std[c]};</li>
 *   <li>cutout: a {@code cutout x cutout} square centred on a uniformly drawn pixel, clipped at the borders, set to
 *       0 after normalisation (as DARTS' {@code Cutout}).</li>
 * </ol>
 * Every random draw comes from the generator passed to {@link #apply}, in a fixed order, so the result is a pure
 * function of the image and the generator's seed.
 *
 * @param padding        zero padding for the random crop, 0 = no random crop
 * @param horizontalFlip whether to mirror with probability 1/2
 * @param cutout         side of the cutout square, 0 = off
 * @param resizedCrop    random-resized crop, or {@code null}
 * @param centreCrop     side of a centre crop, 0 = off (an image smaller than that is resized up instead)
 * @param colourJitter   colour jitter ({@link ColourJitter#none()} = off)
 */
public record Augmentation(int padding, boolean horizontalFlip, int cutout, RandomResizedCrop resizedCrop,
                           int centreCrop, ColourJitter colourJitter) {
    public Augmentation {
        if (padding < 0 || cutout < 0 || centreCrop < 0) {
            throw new IllegalArgumentException("padding, cutout and centreCrop must be >= 0, got " + padding + ", "
                    + cutout + ", " + centreCrop);
        }
        int geometric = (padding > 0 ? 1 : 0) + (resizedCrop != null ? 1 : 0) + (centreCrop > 0 ? 1 : 0);
        if (geometric > 1) {
            throw new IllegalArgumentException("choose one of padded random crop, random-resized crop and centre crop");
        }
        Objects.requireNonNull(colourJitter, "colourJitter is null (use ColourJitter.none())");
    }

    /** Normalisation only. */
    public static Augmentation none() {
        return new Augmentation(0, false, 0, null, 0, ColourJitter.none());
    }

    /** DARTS' CIFAR training recipe: pad 4 with zeros, random 32x32 crop, horizontal flip, cutout (0 = off). */
    public static Augmentation cifar(int cutout) {
        return new Augmentation(4, true, cutout, null, 0, ColourJitter.none());
    }

    /** ImageNet training: random-resized crop to 224 (scale 0.08..1, ratio 3/4..4/3) and horizontal flip. */
    public static Augmentation imagenetTrain() {
        return imagenetTrain(224);
    }

    /** ImageNet training with crops of {@code size x size}. */
    public static Augmentation imagenetTrain(int size) {
        return new Augmentation(0, true, 0, RandomResizedCrop.imagenet(size), 0, ColourJitter.none());
    }

    /** ImageNet evaluation: centre crop to 224 (of the 256 stored by the folder dataset). */
    public static Augmentation imagenetEval() {
        return imagenetEval(224);
    }

    /** ImageNet evaluation with a centre crop of {@code size x size}. */
    public static Augmentation imagenetEval(int size) {
        return new Augmentation(0, false, 0, null, size, ColourJitter.none());
    }

    /**
     * The training recipe suited to a dataset: ImageNet crops for image folders, {@link #cifar(int)} for 3x32x32
     * images, otherwise normalisation plus cutout.
     */
    public static Augmentation forTraining(ImageDataset dataset, int cutout) {
        if (dataset instanceof ImageFolderDataset folder) {
            return imagenetTrain(folder.imageSize()).withCutout(cutout);
        }
        ImageShape shape = dataset.shape();
        if (shape.channels() == 3 && shape.height() == 32 && shape.width() == 32) {
            return cifar(cutout);
        }
        return none().withCutout(cutout);
    }

    /** The evaluation recipe suited to a dataset: a centre crop for image folders, otherwise normalisation only. */
    public static Augmentation forEvaluation(ImageDataset dataset) {
        if (dataset instanceof ImageFolderDataset folder) {
            return imagenetEval(folder.imageSize());
        }
        return none();
    }

    /**
     * Shape of the images a network trained or evaluated on {@code dataset} is fed: what {@link #forTraining} and
     * {@link #forEvaluation} produce, i.e. the {@code imageSize} crops of an image folder (whose stored images are
     * {@code resizeSize} squares) and the stored shape of every other dataset. Networks are built for this shape, not
     * for {@link ImageDataset#shape()}.
     */
    public static ImageShape networkInput(ImageDataset dataset) {
        return forEvaluation(dataset).outputShape(dataset.shape());
    }

    public Augmentation withCutout(int size) {
        return new Augmentation(padding, horizontalFlip, size, resizedCrop, centreCrop, colourJitter);
    }

    public Augmentation withColourJitter(ColourJitter jitter) {
        return new Augmentation(padding, horizontalFlip, cutout, resizedCrop, centreCrop, jitter);
    }

    public Augmentation withHorizontalFlip(boolean flip) {
        return new Augmentation(padding, flip, cutout, resizedCrop, centreCrop, colourJitter);
    }

    /** Whether {@link #apply} draws random numbers at all. */
    public boolean isRandom() {
        return padding > 0 || horizontalFlip || cutout > 0 || resizedCrop != null || !colourJitter.isNone();
    }

    /** Shape of the images this augmentation produces from images of shape {@code in}. */
    public ImageShape outputShape(ImageShape in) {
        if (resizedCrop != null) {
            return new ImageShape(in.channels(), resizedCrop.size(), resizedCrop.size());
        }
        if (centreCrop > 0) {
            return new ImageShape(in.channels(), centreCrop, centreCrop);
        }
        return in;
    }

    /**
     * Augments and normalises one image.
     *
     * @param image  CHW values in [0,1] of shape {@code in} (not modified)
     * @param in     shape of {@code image}
     * @param mean   per-channel mean
     * @param std    per-channel standard deviation
     * @param random source of every random draw
     * @param out    destination for {@link #outputShape(ImageShape)} floats
     * @param offset where to write in {@code out}
     */
    public void apply(float[] image, ImageShape in, float[] mean, float[] std, RandomGenerator random, float[] out,
                      int offset) {
        ImageShape shape = outputShape(in);
        int channels = in.channels();
        if (mean.length != channels || std.length != channels) {
            throw new IllegalArgumentException("mean and std need " + channels + " values, got " + mean.length
                    + " and " + std.length);
        }
        Objects.checkFromIndexSize(offset, shape.size(), out.length);
        geometry(image, in, random, out, offset, shape);
        int h = shape.height();
        int w = shape.width();
        if (horizontalFlip && random.nextBoolean()) {
            flip(out, offset, channels, h, w);
        }
        if (!colourJitter.isNone()) {
            ColourJitters.apply(colourJitter, out, offset, channels, h * w, random);
        }
        int plane = h * w;
        for (int c = 0; c < channels; c++) {
            float m = mean[c];
            float s = 1f / std[c];
            int from = offset + c * plane;
            for (int i = from; i < from + plane; i++) {
                out[i] = (out[i] - m) * s;
            }
        }
        if (cutout > 0) {
            int cy = random.nextInt(h);
            int cx = random.nextInt(w);
            int y1 = Math.max(cy - cutout / 2, 0);
            int y2 = Math.min(cy + cutout / 2, h);
            int x1 = Math.max(cx - cutout / 2, 0);
            int x2 = Math.min(cx + cutout / 2, w);
            for (int c = 0; c < channels; c++) {
                for (int y = y1; y < y2; y++) {
                    int row = offset + c * plane + y * w;
                    java.util.Arrays.fill(out, row + x1, row + x2, 0f);
                }
            }
        }
    }

    private void geometry(float[] image, ImageShape in, RandomGenerator random, float[] out, int offset,
                          ImageShape shape) {
        int channels = in.channels();
        int h = in.height();
        int w = in.width();
        if (resizedCrop != null) {
            double[] box = randomResizedBox(h, w, random);
            Resampler.resize(image, channels, h, w, box[0], box[1], box[2], box[3], out, offset, shape.height(),
                    shape.width());
        } else if (centreCrop > 0) {
            if (h < centreCrop || w < centreCrop) {
                Resampler.resize(image, channels, h, w, 0, 0, h, w, out, offset, centreCrop, centreCrop);
            } else {
                int top = (int) Math.round((h - centreCrop) / 2.0);
                int left = (int) Math.round((w - centreCrop) / 2.0);
                copyWindow(image, channels, h, w, top, left, out, offset, centreCrop, centreCrop);
            }
        } else if (padding > 0) {
            int top = random.nextInt(2 * padding + 1) - padding;
            int left = random.nextInt(2 * padding + 1) - padding;
            copyWindow(image, channels, h, w, top, left, out, offset, h, w);
        } else {
            System.arraycopy(image, 0, out, offset, in.size());
        }
    }

    /** Copies the window at (top, left) of size outH x outW; pixels outside the image are 0 (zero padding). */
    private static void copyWindow(float[] image, int channels, int h, int w, int top, int left, float[] out,
                                   int offset, int outH, int outW) {
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < outH; y++) {
                int sy = y + top;
                int row = offset + (c * outH + y) * outW;
                if (sy < 0 || sy >= h) {
                    java.util.Arrays.fill(out, row, row + outW, 0f);
                    continue;
                }
                int src = (c * h + sy) * w;
                for (int x = 0; x < outW; x++) {
                    int sx = x + left;
                    out[row + x] = sx < 0 || sx >= w ? 0f : image[src + sx];
                }
            }
        }
    }

    private static void flip(float[] out, int offset, int channels, int h, int w) {
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < h; y++) {
                int row = offset + (c * h + y) * w;
                for (int a = row, b = row + w - 1; a < b; a++, b--) {
                    float t = out[a];
                    out[a] = out[b];
                    out[b] = t;
                }
            }
        }
    }

    /** torchvision's RandomResizedCrop.get_params: {top, left, height, width}. */
    private double[] randomResizedBox(int h, int w, RandomGenerator random) {
        double area = (double) h * w;
        double logMin = Math.log(resizedCrop.minRatio());
        double logMax = Math.log(resizedCrop.maxRatio());
        for (int attempt = 0; attempt < 10; attempt++) {
            double target = area * (resizedCrop.minScale()
                    + random.nextDouble() * (resizedCrop.maxScale() - resizedCrop.minScale()));
            double ratio = Math.exp(logMin + random.nextDouble() * (logMax - logMin));
            int cw = (int) Math.round(Math.sqrt(target * ratio));
            int ch = (int) Math.round(Math.sqrt(target / ratio));
            if (cw > 0 && ch > 0 && cw <= w && ch <= h) {
                int top = random.nextInt(h - ch + 1);
                int left = random.nextInt(w - cw + 1);
                return new double[] {top, left, ch, cw};
            }
        }
        // fallback: central crop with the ratio clamped to the allowed range
        double inRatio = (double) w / h;
        int cw;
        int ch;
        if (inRatio < resizedCrop.minRatio()) {
            cw = w;
            ch = (int) Math.round(w / resizedCrop.minRatio());
        } else if (inRatio > resizedCrop.maxRatio()) {
            ch = h;
            cw = (int) Math.round(h * resizedCrop.maxRatio());
        } else {
            cw = w;
            ch = h;
        }
        return new double[] {(h - ch) / 2, (w - cw) / 2, ch, cw};
    }
}
