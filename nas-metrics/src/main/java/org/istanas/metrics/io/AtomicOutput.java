package org.istanas.metrics.io;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

/**
 * Writes a file atomically: the content goes to a temporary file in the target's folder, is flushed to disk, and
 * is then renamed over the target with {@link StandardCopyOption#ATOMIC_MOVE}. Readers (and a crash) therefore see
 * either the old file or the complete new one. Missing parent folders are created.
 */
public final class AtomicOutput {
    private AtomicOutput() {
    }

    /** Writes what {@code content} produces; the stream must not be closed by {@code content}. */
    public static void write(Path target, Content content) throws IOException {
        Objects.requireNonNull(target, "target is null");
        Objects.requireNonNull(content, "content is null");
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Files.createDirectories(folder);
        Path temp = org.istanas.api.run.AtomicFiles.createTemporary(folder, "." + absolute.getFileName() + ".");
        try {
            try (FileOutputStream file = new FileOutputStream(temp.toFile());
                 OutputStream out = new BufferedOutputStream(file)) {
                content.writeTo(out);
                out.flush();
                file.getFD().sync();
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                // File systems without atomic rename (rare for a same-folder move): replace as well as we can.
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Writes {@code bytes} atomically. */
    public static void write(Path target, byte[] bytes) throws IOException {
        Objects.requireNonNull(bytes, "bytes is null");
        write(target, out -> out.write(bytes));
    }

    /** Produces a file's content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }
}
