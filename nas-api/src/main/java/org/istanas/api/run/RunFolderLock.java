package org.istanas.api.run;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Objects;

/**
 * An exclusive lock on a run folder, held by every writer (search, resume, evaluate) for as long as it writes.
 * The lock is an operating-system lock on {@code .lock} ({@link FileChannel#tryLock()}), so it disappears with the
 * process that held it, also after {@code kill -9}: a stale {@code .lock} file is simply taken over. The file
 * names the holder (pid, host, start time) so that a refused second writer can say who has the folder.
 */
public final class RunFolderLock implements AutoCloseable {
    public static final String FILE = ".lock";

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private RunFolderLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code folder} (which must exist) for this process.
     *
     * @throws IOException {@code run folder F is in use by pid 123 on host h since 2026-...; wait for it to
     *                     finish or stop it} when another process holds it
     */
    public static RunFolderLock acquire(Path folder) throws IOException {
        Objects.requireNonNull(folder, "folder is null");
        Path file = folder.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this JVM already (another thread or an unclosed writer)
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            String holder = holder(file);
            channel.close();
            throw new IOException("run folder " + folder + " is in use by " + holder
                    + "; wait for it to finish or stop that process first");
        }
        try {
            // whatever an earlier (dead) holder wrote is replaced: its OS lock is gone, so the folder is ours
            channel.truncate(0);
            channel.write(java.nio.ByteBuffer.wrap(describeThisProcess().getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
        } catch (IOException e) {
            lock.release();
            channel.close();
            throw e;
        }
        return new RunFolderLock(file, channel, lock);
    }

    /** {@code pid 123 on host h since 2026-12-02T03:00:00Z}, as written in the lock file. */
    static String describeThisProcess() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown";
        }
        Instant started = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        return "pid " + ProcessHandle.current().pid() + " on host " + host + " since " + started;
    }

    private static String holder(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "another process (it has not written its name yet)" : text;
        } catch (IOException e) {
            return "another process";
        }
    }

    public Path file() {
        return file;
    }

    /** Releases the lock; the file stays (an unlocked {@code .lock} is free). */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
