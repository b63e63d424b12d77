package org.istanas.api.run;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Writes files so that a reader (or a run killed with {@code kill -9}) sees either the old content or the new one,
 * never a torn file: the bytes go to a temporary file in the same directory, are forced to disk, and the temporary
 * file is renamed over the target with {@link StandardCopyOption#ATOMIC_MOVE}.
 */
public final class AtomicFiles {
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private AtomicFiles() {
    }

    /**
     * A new empty file {@code <prefix><random>.tmp} in {@code directory}, created with the process's umask like any
     * other file. ({@link Files#createTempFile} makes it 0600 on POSIX, and the rename would carry that mode over
     * to the run's files, so group members could not read them.)
     */
    public static Path createTemporary(Path directory, String prefix) throws IOException {
        Objects.requireNonNull(directory, "directory is null");
        for (int attempt = 0; ; attempt++) {
            Path candidate = directory.resolve(prefix + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
            try {
                return Files.createFile(candidate);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }

    public static void write(Path target, String text) throws IOException {
        write(target, Objects.requireNonNull(text, "text is null").getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        Objects.requireNonNull(target, "target is null");
        Objects.requireNonNull(bytes, "bytes is null");
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Files.createDirectories(directory);
        Path temporary = createTemporary(directory, "." + absolute.getFileName() + ".");
        try {
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC)) {
                out.write(bytes);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
