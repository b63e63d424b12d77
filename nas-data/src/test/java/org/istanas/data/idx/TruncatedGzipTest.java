package org.istanas.data.idx;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15 item 10: a truncated .gz IDX file is reported with its name and the real cause. */
final class TruncatedGzipTest {
    @TempDir
    Path dir;

    @Test
    void truncatedGzipNamesTheFile() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(gz))) {
            out.writeInt(0x00000801);
            out.writeInt(5000);
            byte[] labels = new byte[5000];
            new java.util.Random(1).nextBytes(labels); // incompressible, so half the file is half the data
            out.write(labels);
        }
        byte[] whole = gz.toByteArray();
        Path file = dir.resolve("train-labels-idx1-ubyte.gz");
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));
        assertThatThrownBy(() -> IdxFile.read(file, 1, MessageDigest.getInstance("SHA-256")))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(file + ": truncated gzip file (")
                .hasMessageEndingWith("); download or copy it again");
    }
}
