package org.istanas.api.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class CheckpointStoreTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsAndKeepsOnlyTheNewest() throws IOException {
        CheckpointStore store = new CheckpointStore(dir, 2);
        store.save(new Checkpoint("two-stage", 0, 5, new byte[] {1, 2, 3}));
        store.save(new Checkpoint("two-stage", 1, 0, new byte[] {4}));
        store.save(new Checkpoint("two-stage", 1, 5, new byte[] {5, 6}));

        assertThat(store.files()).extracting(p -> p.getFileName().toString())
                .containsExactly("ckpt-e00001-s000000.bin", "ckpt-e00001-s000005.bin");
        Checkpoint latest = store.latest().orElseThrow();
        assertThat(latest.epoch()).isEqualTo(1);
        assertThat(latest.step()).isEqualTo(5);
        assertThat(latest.kind()).isEqualTo("two-stage");
        assertThat(latest.payload()).containsExactly(5, 6);
    }

    @Test
    void skipsACorruptedNewestFile() throws IOException {
        CheckpointStore store = new CheckpointStore(dir, 3);
        store.save(new Checkpoint("k", 0, 1, new byte[] {9, 9}));
        Path newest = store.save(new Checkpoint("k", 0, 2, new byte[] {7, 7, 7}));
        byte[] bytes = Files.readAllBytes(newest);
        bytes[bytes.length - 12] ^= 0x40;
        Files.write(newest, bytes);

        assertThatThrownBy(() -> CheckpointStore.read(newest)).hasMessageContaining("CRC-32");
        assertThat(store.latest().orElseThrow().step()).isEqualTo(1);
    }

    @Test
    void emptyDirectoryHasNoCheckpoint() throws IOException {
        assertThat(new CheckpointStore(dir.resolve("none"), 1).latest()).isEmpty();
        assertThatThrownBy(() -> new CheckpointStore(dir, 0)).hasMessageContaining(">= 1");
    }
}
