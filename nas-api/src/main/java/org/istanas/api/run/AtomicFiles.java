package org.istanas.api.run;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * The one way istanas writes a file that someone may read while it is written or that a crash must not tear: the
 * bytes go to a temporary file in the target's directory (created with the process's umask, like any other file),
 * the file is forced to disk, renamed over the target with {@link StandardCopyOption#ATOMIC_MOVE}, and the
 * directory is forced so that the rename survives a power loss. A reader, or a run killed with {@code kill -9}, sees
 * the old content or the new one, never a part; a failed write leaves the old file and no temporary one. Missing
 * parent directories are created.
 */
public final class AtomicFiles {
    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {
    }

    /** Produces a file's content on a stream, which it must not close. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes a file's content into the (empty, existing) file it is given: for libraries that want a file name. */
    @FunctionalInterface
    public interface FileContent {
        void writeTo(Path file) throws IOException;
    }

    public static void write(Path target, String text) throws IOException {
        write(target, Objects.requireNonNull(text, "text is null").getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        Objects.requireNonNull(bytes, "bytes is null");
        write(target, out -> out.write(bytes));
    }

    /** Writes what {@code content} produces. */
    public static void write(Path target, Content content) throws IOException {
        Objects.requireNonNull(content, "content is null");
        writeFile(target, file -> {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING))) {
                content.writeTo(out);
            }
        });
    }

    /** Lets {@code content} write into a temporary file, then puts that file in the target's place. */
    public static void writeFile(Path target, FileContent content) throws IOException {
        Objects.requireNonNull(target, "target is null");
        Objects.requireNonNull(content, "content is null");
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Files.createDirectories(directory);
        Path temporary = createTemporary(directory, "." + absolute.getFileName() + ".");
        try {
            content.writeTo(temporary);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                // a file system without atomic rename (rare within one directory): replace as well as it can
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            forceDirectory(directory);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * A new empty file {@code <prefix><random>.tmp} in {@code directory}, created with the process's umask like any
     * other file. ({@link Files#createTempFile} makes it 0600 on POSIX, and the rename would carry that mode over
     * to the run's files, so group members could not read them.)
     */
    private static Path createTemporary(Path directory, String prefix) throws IOException {
        Objects.requireNonNull(directory, "directory is null");
        for (int attempt = 0; ; attempt++) {
            Path candidate = directory.resolve(prefix + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }

    /** Makes the directory's new entry durable; where a directory cannot be opened (Windows) the OS decides. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException notSupported) {
            // only Windows refuses to open a directory; the rename itself has happened
        }
    }
}
