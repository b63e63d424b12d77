package org.istanas.metrics.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class AtomicOutputTest {
    @TempDir
    Path dir;

    @Test
    void replacesTheTargetAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("a/b/result.txt");
        AtomicOutput.write(target, "first".getBytes());
        AtomicOutput.write(target, "second".getBytes());
        assertThat(target).hasContent("second");
        assertThat(Files.list(target.getParent())).containsExactly(target);
    }

    @Test
    void aFailedWriteKeepsTheOldFile() throws IOException {
        Path target = dir.resolve("result.txt");
        AtomicOutput.write(target, "old".getBytes());
        assertThatThrownBy(() -> AtomicOutput.write(target, out -> {
            out.write("partial".getBytes());
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(target).hasContent("old");
        assertThat(Files.list(dir)).containsExactly(target);
    }
}
