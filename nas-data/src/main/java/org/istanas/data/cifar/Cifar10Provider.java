package org.istanas.data.cifar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.istanas.api.data.DatasetProvider;
import org.istanas.api.data.DatasetRequest;
import org.istanas.api.data.ImageDataset;
import org.istanas.api.data.ImageShape;
import org.istanas.data.common.ByteImageSplit;
import org.istanas.data.common.ClassNamesFile;
import org.istanas.data.common.InMemoryDataset;
import org.istanas.data.common.ProviderOptions;
import org.istanas.data.common.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code cifar10}: the official binary CIFAR-10 ({@code data_batch_1.bin} .. {@code data_batch_5.bin},
 * {@code test_batch.bin}, optional {@code batches.meta.txt}). Any non-empty subset of the five training batches is
 * accepted (a warning says which are used); the test batch is required. The directory may also be the parent of
 * {@code cifar-10-batches-bin}. Normalisation uses the published CIFAR-10 statistics.
 */
public final class Cifar10Provider implements DatasetProvider {
    public static final String NAME = "cifar10";
    /** Published CIFAR-10 training-set channel means (DARTS' CIFAR_MEAN). */
    public static final float[] MEAN = {0.4914f, 0.4822f, 0.4465f};
    /** Published CIFAR-10 channel standard deviations (DARTS' CIFAR_STD). */
    public static final float[] STD = {0.2470f, 0.2435f, 0.2616f};
    static final List<String> DEFAULT_CLASSES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog",
            "frog", "horse", "ship", "truck");
    static final String TEST_FILE = "test_batch.bin";
    static final String META_FILE = "batches.meta.txt";
    private static final String NESTED_DIR = "cifar-10-batches-bin";
    private static final Logger log = LoggerFactory.getLogger(Cifar10Provider.class);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "CIFAR-10, official binary batches (cifar-10-batches-bin): 10 classes of 3x32x32 images";
    }

    @Override
    public ImageDataset open(DatasetRequest request) throws IOException {
        Objects.requireNonNull(request, "request is null");
        ProviderOptions.of(NAME, request.options(), Set.of());
        Path dir = locate(request.dataDir());
        List<Path> trainFiles = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (int b = 1; b <= 5; b++) {
            Path file = dir.resolve("data_batch_" + b + ".bin");
            if (Files.isRegularFile(file)) {
                trainFiles.add(file);
            } else {
                missing.add(file.getFileName().toString());
            }
        }
        Path testFile = dir.resolve(TEST_FILE);
        if (trainFiles.isEmpty() || !Files.isRegularFile(testFile)) {
            List<String> needed = new ArrayList<>();
            if (trainFiles.isEmpty()) {
                needed.add("at least one of data_batch_1.bin .. data_batch_5.bin");
            }
            if (!Files.isRegularFile(testFile)) {
                needed.add(TEST_FILE);
            }
            throw new NoSuchFileException(dir.toString(), null, "not a CIFAR-10 binary directory: missing "
                    + String.join(" and ", needed) + " (the official cifar-10-batches-bin layout)");
        }
        if (!missing.isEmpty()) {
            log.warn("CIFAR-10 in {}: using {} of 5 training batches (missing {})", dir, trainFiles.size(), missing);
        }
        List<String> classes = DEFAULT_CLASSES;
        Path meta = dir.resolve(META_FILE);
        MessageDigest digest = Sha256.newDigest();
        if (Files.isRegularFile(meta)) {
            classes = ClassNamesFile.read(meta, Cifar10BinaryFile.CLASSES);
        }
        ByteImageSplit train = readSplit(trainFiles, request.limit(), digest);
        ByteImageSplit test = readSplit(List.of(testFile), request.limit(), digest);
        ImageShape shape = new ImageShape(Cifar10BinaryFile.CHANNELS, Cifar10BinaryFile.SIDE, Cifar10BinaryFile.SIDE);
        return new InMemoryDataset(NAME, shape, classes, train, test, MEAN, STD, Sha256.hex(digest));
    }

    private static Path locate(Path dataDir) throws IOException {
        if (dataDir == null) {
            throw new IllegalArgumentException("dataset '" + NAME + "' needs a data directory holding "
                    + "data_batch_1..5.bin and test_batch.bin (cifar-10-batches-bin)");
        }
        if (!Files.isDirectory(dataDir)) {
            throw new NoSuchFileException(dataDir.toString(), null, "CIFAR-10 data directory does not exist");
        }
        Path nested = dataDir.resolve(NESTED_DIR);
        if (!Files.exists(dataDir.resolve(TEST_FILE)) && Files.isDirectory(nested)) {
            return nested;
        }
        return dataDir;
    }

    /** Concatenates the first {@code limit} records (0 = all) of the files, in order. */
    private static ByteImageSplit readSplit(List<Path> files, int limit, MessageDigest digest) throws IOException {
        List<Cifar10BinaryFile.Records> parts = new ArrayList<>();
        int total = 0;
        for (Path file : files) {
            int remaining = limit == 0 ? Integer.MAX_VALUE : limit - total;
            // every file is validated and hashed even when the limit keeps none of its records
            Cifar10BinaryFile.Records records = Cifar10BinaryFile.read(file, remaining, digest);
            parts.add(records);
            total += records.labels().length;
        }
        byte[] pixels = new byte[total * Cifar10BinaryFile.PIXELS];
        byte[] labels = new byte[total];
        int at = 0;
        for (Cifar10BinaryFile.Records part : parts) {
            int n = part.labels().length;
            System.arraycopy(part.pixels(), 0, pixels, at * Cifar10BinaryFile.PIXELS, n * Cifar10BinaryFile.PIXELS);
            System.arraycopy(part.labels(), 0, labels, at, n);
            at += n;
        }
        return new ByteImageSplit(pixels, labels, new ImageShape(Cifar10BinaryFile.CHANNELS,
                Cifar10BinaryFile.SIDE, Cifar10BinaryFile.SIDE));
    }
}
