package org.istanas.data.idx;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Reads an IDX file of unsigned bytes (the MNIST format): a big-endian magic number {@code 0x0000 08 nd} (type 0x08 =
 * unsigned byte, nd = number of dimensions), nd big-endian dimension sizes, then the data. Gzip compression is
 * detected from the content, not the name.
 */
final class IdxFile {
    private static final int UNSIGNED_BYTE = 0x08;

    private IdxFile() {
    }

    /** Dimensions and data of an IDX file. */
    record Content(int[] dimensions, byte[] data) {
        int count() {
            return dimensions[0];
        }
    }

    /**
     * Reads an unsigned-byte IDX file with {@code expectedDimensions} dimensions, feeding the bytes as stored on disk to
     * {@code digest}. Errors name the file and what is wrong.
     */
    static Content read(Path file, int expectedDimensions, MessageDigest digest) throws IOException {
        // the digest sits below the buffer so that mark/reset while sniffing for gzip does not hash bytes twice
        try (InputStream raw = new BufferedInputStream(new DigestInputStream(Files.newInputStream(file), digest), 1 << 16);
             InputStream in = maybeGunzip(raw, file);
             DataInputStream data = new DataInputStream(in)) {
            int magic;
            try {
                magic = data.readInt();
            } catch (EOFException e) {
                throw new IOException(file + ": too short for an IDX header (4-byte magic number expected)", e);
            }
            int type = (magic >>> 8) & 0xFF;
            int dimensions = magic & 0xFF;
            if ((magic >>> 16) != 0 || type != UNSIGNED_BYTE || dimensions != expectedDimensions) {
                throw new IOException(file + ": bad IDX magic number 0x" + String.format("%08X", magic)
                        + "; expected 0x0000080" + expectedDimensions + " (unsigned bytes, " + expectedDimensions
                        + " dimension" + (expectedDimensions == 1 ? ")" : "s)"));
            }
            int[] sizes = new int[dimensions];
            long total = 1;
            for (int d = 0; d < dimensions; d++) {
                try {
                    sizes[d] = data.readInt();
                } catch (EOFException e) {
                    throw new IOException(file + ": truncated IDX header (dimension " + d + " missing)", e);
                }
                if (sizes[d] <= 0) {
                    throw new IOException(file + ": IDX dimension " + d + " is " + sizes[d] + "; must be positive");
                }
                total *= sizes[d];
            }
            if (total > Integer.MAX_VALUE - 16) {
                throw new IOException(file + ": IDX data of " + total + " bytes is too large " + Arrays.toString(sizes));
            }
            byte[] content = new byte[(int) total];
            int read = data.readNBytes(content, 0, content.length);
            if (read != content.length) {
                long recordSize = total / sizes[0];
                throw new IOException(file + ": truncated: header " + Arrays.toString(sizes) + " announces " + total
                        + " data bytes, found " + read + " (record " + read / recordSize + " of " + sizes[0]
                        + " is incomplete)");
            }
            if (data.read() != -1) {
                throw new IOException(file + ": " + "trailing bytes after the " + total + " data bytes announced by"
                        + " the header " + Arrays.toString(sizes));
            }
            return new Content(sizes, content);
        } catch (java.util.zip.ZipException e) {
            throw new IOException(file + ": corrupt gzip data: " + e.getMessage(), e);
        } catch (EOFException e) {
            // the inflater ran out of compressed bytes: an interrupted download or copy
            throw new IOException(file + ": truncated gzip file (" + e.getMessage() + "); download or copy it again",
                    e);
        }
    }

    private static InputStream maybeGunzip(InputStream raw, Path file) throws IOException {
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            return new GZIPInputStream(raw, 1 << 16);
        }
        return raw;
    }
}
