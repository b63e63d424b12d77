package org.istanas.api.run;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoint files in a run's {@code checkpoints/} directory, named {@code ckpt-e<epoch>-s<step>.bin}. Each file
 * is written atomically and ends with a CRC-32 of its content, so a torn or corrupted file is detected and skipped
 * in favour of the previous one. Only the newest {@code keep} checkpoints are retained.
 */
public final class CheckpointStore {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointStore.class);
    private static final byte[] MAGIC = "ISTANAS-CKPT".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT_VERSION = 1;
    private static final Pattern NAME = Pattern.compile("ckpt-e(\\d+)-s(\\d+)\\.bin");

    private final Path directory;
    private final int keep;

    public CheckpointStore(Path directory, int keep) {
        this.directory = Objects.requireNonNull(directory, "directory is null");
        if (keep < 1) {
            throw new IllegalArgumentException("checkpoints to keep must be >= 1, got " + keep);
        }
        this.keep = keep;
    }

    public Path directory() {
        return directory;
    }

    /** Writes the checkpoint atomically, then deletes all but the newest {@code keep}; returns its file. */
    public Path save(Checkpoint checkpoint) throws IOException {
        Objects.requireNonNull(checkpoint, "checkpoint is null");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(checkpoint.payload().length + 64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeInt(FORMAT_VERSION);
            out.writeUTF(checkpoint.kind());
            out.writeInt(checkpoint.epoch());
            out.writeInt(checkpoint.step());
            out.writeInt(checkpoint.payload().length);
            out.write(checkpoint.payload());
        }
        byte[] body = bytes.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(body);
        byte[] file = ByteBuffer.allocate(body.length + Long.BYTES).put(body).putLong(crc.getValue()).array();
        Path target = directory.resolve(String.format("ckpt-e%05d-s%06d.bin", checkpoint.epoch(), checkpoint.step()));
        AtomicFiles.write(target, file);
        prune();
        return target;
    }

    /** The newest readable checkpoint, skipping (and logging) corrupted files; empty when there is none. */
    public Optional<Checkpoint> latest() throws IOException {
        List<Path> files = files();
        for (int i = files.size() - 1; i >= 0; i--) {
            try {
                return Optional.of(read(files.get(i)));
            } catch (IOException e) {
                LOG.warn("skipping unreadable checkpoint {}: {}", files.get(i), e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** Checkpoint files, oldest first. */
    public List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "ckpt-e*-s*.bin")) {
            for (Path p : stream) {
                if (NAME.matcher(p.getFileName().toString()).matches()) {
                    files.add(p);
                }
            }
        }
        files.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return List.copyOf(files);
    }

    /** Reads and verifies one checkpoint file. */
    public static Checkpoint read(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        if (all.length < MAGIC.length + Long.BYTES) {
            throw new IOException(file + " is too short to be a checkpoint (" + all.length + " bytes)");
        }
        CRC32 crc = new CRC32();
        crc.update(all, 0, all.length - Long.BYTES);
        long stored = ByteBuffer.wrap(all, all.length - Long.BYTES, Long.BYTES).getLong();
        if (stored != crc.getValue()) {
            throw new IOException(file + " fails its CRC-32 check (torn or corrupted write)");
        }
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(all, 0, all.length - Long.BYTES))) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new IOException(file + " is not an istanas checkpoint");
            }
            int version = in.readInt();
            if (version != FORMAT_VERSION) {
                throw new IOException(file + " has checkpoint format " + version + ", this version reads " + FORMAT_VERSION);
            }
            String kind = in.readUTF();
            int epoch = in.readInt();
            int step = in.readInt();
            byte[] payload = in.readNBytes(in.readInt());
            Matcher m = NAME.matcher(file.getFileName().toString());
            if (m.matches() && (Integer.parseInt(m.group(1)) != epoch || Integer.parseInt(m.group(2)) != step)) {
                throw new IOException(file + " holds epoch " + epoch + " step " + step + ", not what its name says");
            }
            return new Checkpoint(kind, epoch, step, payload);
        }
    }

    private void prune() throws IOException {
        List<Path> files = files();
        for (int i = 0; i < files.size() - keep; i++) {
            Files.deleteIfExists(files.get(i));
        }
    }
}
