package org.istanas.api.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.istanas.api.genotype.GenotypeJson;
import org.istanas.api.genotype.Genotypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15 item 6: run-folder files get the umask's mode, as a plain file would, not 0600. */
final class FileModeTest {
    @TempDir
    Path dir;

    /** What the umask gives a file created the ordinary way: the independent expectation. */
    private Set<PosixFilePermission> umaskMode() throws IOException {
        Path plain = Files.createFile(dir.resolve("plain"));
        return Files.getPosixFilePermissions(plain);
    }

    @Test
    void atomicWritesUseTheUmaskNotOwnerOnly() throws IOException {
        Set<PosixFilePermission> expected = umaskMode();
        // the test only says something when the umask lets others read (it is 022 here and in CI)
        assertThat(expected).contains(PosixFilePermission.GROUP_READ);

        Path text = dir.resolve("config.yaml");
        AtomicFiles.write(text, "epochs: 1\n");
        assertThat(Files.getPosixFilePermissions(text)).isEqualTo(expected);

        Path genotype = dir.resolve("genotype.json");
        GenotypeJson.write(genotype, Genotypes.DARTS_V2);
        assertThat(Files.getPosixFilePermissions(genotype)).isEqualTo(expected);

        Path export = dir.resolve("model.zip"); // as Dl4jExporter writes, through a library that takes a file name
        AtomicFiles.writeFile(export, file -> Files.write(file, new byte[] {1, 2}));
        assertThat(Files.getPosixFilePermissions(export)).isEqualTo(expected);

        Path chart = dir.resolve("chart.png"); // as the charts and CSV tables write, through a stream
        AtomicFiles.write(chart, out -> out.write(new byte[] {3}));
        assertThat(Files.getPosixFilePermissions(chart)).isEqualTo(expected);

        CheckpointStore store = new CheckpointStore(dir.resolve("checkpoints"), 2);
        Files.createDirectories(store.directory());
        Path checkpoint = store.save(new Checkpoint("test", 1, 0, new byte[] {1, 2, 3}));
        assertThat(Files.getPosixFilePermissions(checkpoint)).isEqualTo(expected);
    }

    @Test
    void temporaryFilesAreLeftNowhere() throws IOException {
        AtomicFiles.write(dir.resolve("a.txt"), "x");
        AtomicFiles.write(dir.resolve("a.txt"), "y");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("a.txt");
        }
        assertThat(Files.readString(dir.resolve("a.txt"))).isEqualTo("y");
    }
}
