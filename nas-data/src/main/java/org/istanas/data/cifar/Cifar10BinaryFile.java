package org.istanas.data.cifar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * Reads one CIFAR-10 binary batch: headerless records of 1 label byte followed by 3,072 pixel bytes (the R, G and B
 * planes of a 32x32 image, row by row), which is already the CHW layout.
 */
final class Cifar10BinaryFile {
    static final int CHANNELS = 3;
    static final int SIDE = 32;
    static final int PIXELS = CHANNELS * SIDE * SIDE;
    static final int RECORD = 1 + PIXELS;
    static final int CLASSES = 10;

    private Cifar10BinaryFile() {
    }

    /** Pixel and label bytes of the records read. */
    record Records(byte[] pixels, byte[] labels) {
    }

    /**
     * Validates the whole file (size, every label) and returns at most its first {@code maxRecords} records.
     * The full file content is fed to {@code digest}.
     */
    static Records read(Path file, int maxRecords, MessageDigest digest) throws IOException {
        Objects.requireNonNull(file, "file is null");
        byte[] content = Files.readAllBytes(file);
        digest.update(content);
        if (content.length == 0) {
            throw new IOException(file + ": empty file; a CIFAR-10 batch holds records of " + RECORD + " bytes");
        }
        if (content.length % RECORD != 0) {
            int complete = content.length / RECORD;
            throw new IOException(file + ": size " + content.length + " bytes is not a multiple of the " + RECORD
                    + "-byte CIFAR-10 record: record " + complete + " (0-based, at byte " + (long) complete * RECORD
                    + ") is truncated to " + content.length % RECORD + " bytes; the file is truncated or not a"
                    + " CIFAR-10 binary batch");
        }
        int records = content.length / RECORD;
        for (int r = 0; r < records; r++) {
            int label = content[r * RECORD] & 0xFF;
            if (label >= CLASSES) {
                throw new IOException(file + ": record " + r + " (at byte " + (long) r * RECORD + ") has label " + label
                        + "; CIFAR-10 labels are 0..9 (corrupt file, or not the CIFAR-10 binary format: CIFAR-100"
                        + " records have 2 label bytes)");
            }
        }
        int kept = Math.min(Math.max(maxRecords, 0), records);
        byte[] pixels = new byte[kept * PIXELS];
        byte[] labels = new byte[kept];
        for (int r = 0; r < kept; r++) {
            labels[r] = content[r * RECORD];
            System.arraycopy(content, r * RECORD + 1, pixels, r * PIXELS, PIXELS);
        }
        return new Records(pixels, labels);
    }
}
