package org.istanas.data.idx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.istanas.api.data.DatasetProvider;
import org.istanas.api.data.DatasetRequest;
import org.istanas.api.data.ImageDataset;
import org.istanas.api.data.ImageShape;
import org.istanas.data.common.ByteImageSplit;
import org.istanas.data.common.InMemoryDataset;
import org.istanas.data.common.ProviderOptions;
import org.istanas.data.common.Sha256;

/**
 * MNIST-format datasets in IDX files ({@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte},
 * {@code t10k-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte}, each raw or {@code .gz}; the dotted variant
 * {@code train-images.idx3-ubyte} is accepted too): 1x28x28 grey images, 10 classes.
 */
public final class IdxProvider implements DatasetProvider {
    /** Where Debian's {@code dataset-fashion-mnist} package installs the files. */
    public static final Path DEBIAN_FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

    private static final int CLASSES = 10;

    private final String name;
    private final String description;
    private final List<String> classNames;
    private final float mean;
    private final float std;
    private final Path defaultDir;

    private IdxProvider(String name, String description, List<String> classNames, float mean, float std,
                        Path defaultDir) {
        this.name = name;
        this.description = description;
        this.classNames = List.copyOf(classNames);
        this.mean = mean;
        this.std = std;
        this.defaultDir = defaultDir;
    }

    /** {@code fashion-mnist}; defaults to Debian's package directory when no data directory is given. */
    public static IdxProvider fashionMnist() {
        return new IdxProvider("fashion-mnist", "Fashion-MNIST (Zalando), IDX files raw or gzip: 10 classes of 1x28x28"
                + " images; default directory " + DEBIAN_FASHION_MNIST + " (Debian dataset-fashion-mnist)",
                List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                        "Ankle boot"),
                0.2860f, 0.3530f, DEBIAN_FASHION_MNIST);
    }

    /** {@code mnist}: handwritten digits; needs a data directory. */
    public static IdxProvider mnist() {
        return new IdxProvider("mnist", "MNIST handwritten digits, IDX files raw or gzip: 10 classes of 1x28x28 images",
                List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), 0.1307f, 0.3081f, null);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public boolean needsDataDirectory() {
        return defaultDir == null || !Files.isDirectory(defaultDir);
    }

    @Override
    public ImageDataset open(DatasetRequest request) throws IOException {
        Objects.requireNonNull(request, "request is null");
        ProviderOptions.of(name, request.options(), Set.of());
        Path dir = request.dataDir();
        if (dir == null) {
            if (needsDataDirectory()) {
                throw new IllegalArgumentException("dataset '" + name + "' needs a data directory holding "
                        + "train-images-idx3-ubyte[.gz], train-labels-idx1-ubyte[.gz], t10k-images-idx3-ubyte[.gz] and "
                        + "t10k-labels-idx1-ubyte[.gz]" + (defaultDir == null ? ""
                        : " (default " + defaultDir + " does not exist: apt-get install dataset-fashion-mnist)"));
            }
            dir = defaultDir;
        }
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, name + " data directory does not exist");
        }
        MessageDigest digest = Sha256.newDigest();
        ByteImageSplit train = readSplit(dir, "train", request.limit(), digest);
        ByteImageSplit test = readSplit(dir, "t10k", request.limit(), digest);
        return new InMemoryDataset(name, train.shape(), classNames, train, test, new float[] {mean},
                new float[] {std}, Sha256.hex(digest));
    }

    private ByteImageSplit readSplit(Path dir, String prefix, int limit, MessageDigest digest) throws IOException {
        Path imagesFile = find(dir, prefix, "images", "idx3-ubyte");
        Path labelsFile = find(dir, prefix, "labels", "idx1-ubyte");
        IdxFile.Content images = IdxFile.read(imagesFile, 3, digest);
        IdxFile.Content labels = IdxFile.read(labelsFile, 1, digest);
        if (images.count() != labels.count()) {
            throw new IOException(imagesFile + " holds " + images.count() + " images but " + labelsFile + " holds "
                    + labels.count() + " labels");
        }
        byte[] labelBytes = labels.data();
        for (int i = 0; i < labelBytes.length; i++) {
            if ((labelBytes[i] & 0xFF) >= CLASSES) {
                throw new IOException(labelsFile + ": record " + i + " has label " + (labelBytes[i] & 0xFF)
                        + "; labels are 0.." + (CLASSES - 1));
            }
        }
        int[] dims = images.dimensions();
        ImageShape shape = new ImageShape(1, dims[1], dims[2]);
        int kept = limit == 0 ? images.count() : Math.min(limit, images.count());
        byte[] pixels = images.data();
        if (kept < images.count()) {
            pixels = Arrays.copyOf(pixels, kept * shape.size());
            labelBytes = Arrays.copyOf(labelBytes, kept);
        }
        return new ByteImageSplit(pixels, labelBytes, shape);
    }

    /** Finds {@code prefix-kind-suffix} or {@code prefix-kind.suffix}, raw or gzip. */
    private Path find(Path dir, String prefix, String kind, String suffix) throws IOException {
        List<String> tried = new ArrayList<>();
        for (String base : List.of(prefix + "-" + kind + "-" + suffix, prefix + "-" + kind + "." + suffix)) {
            for (String candidate : List.of(base, base + ".gz")) {
                Path file = dir.resolve(candidate);
                if (Files.isRegularFile(file)) {
                    return file;
                }
                tried.add(candidate);
            }
        }
        throw new NoSuchFileException(dir.toString(), null, "no " + name + " " + kind + " file; expected one of "
                + tried);
    }
}
