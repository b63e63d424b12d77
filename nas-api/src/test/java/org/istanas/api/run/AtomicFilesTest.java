package org.istanas.api.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class AtomicFilesTest {
    @TempDir
    Path dir;

    private List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

    @Test
    void replacesTheTargetCreatesMissingFoldersAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("a/b/result.txt");
        AtomicFiles.write(target, "first");
        AtomicFiles.write(target, "second".getBytes(StandardCharsets.UTF_8));
        assertThat(target).hasContent("second");
        assertThat(filesIn(target.getParent())).containsExactly(target);
    }

    @Test
    void streamContentIsWrittenWhole() throws IOException {
        Path target = dir.resolve("big.bin");
        byte[] expected = new byte[200_000];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (byte) (i * 31);
        }
        AtomicFiles.write(target, out -> {
            for (int i = 0; i < expected.length; i += 1000) {
                out.write(expected, i, 1000);
            }
        });
        assertThat(Files.readAllBytes(target)).isEqualTo(expected);
    }

    @Test
    void aLibraryThatWantsAFileNameWritesIntoTheTemporaryOne() throws IOException {
        Path target = dir.resolve("model.zip");
        AtomicFiles.write(target, "old");
        AtomicFiles.writeFile(target, file -> {
            assertThat(file.getParent()).isEqualTo(target.toAbsolutePath().getParent());
            assertThat(file).isNotEqualTo(target.toAbsolutePath());
            assertThat(target).hasContent("old"); // the target is untouched until the move
            Files.writeString(file, "new");
        });
        assertThat(target).hasContent("new");
        assertThat(filesIn(dir)).containsExactly(target);
    }

    @Test
    void aFailedWriteKeepsTheOldFileAndRemovesTheTemporaryOne() throws IOException {
        Path target = dir.resolve("result.txt");
        AtomicFiles.write(target, "old");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write("partial".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThatThrownBy(() -> AtomicFiles.writeFile(target, file -> {
            Files.writeString(file, "partial");
            throw new IOException("writer failed");
        })).hasMessage("writer failed");
        assertThat(target).hasContent("old");
        assertThat(filesIn(dir)).containsExactly(target);
    }
}
