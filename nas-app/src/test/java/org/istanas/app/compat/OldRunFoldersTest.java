package org.istanas.app.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.istanas.api.genotype.GenotypeJson;
import org.istanas.api.run.CheckpointStore;
import org.istanas.app.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run folders written by older versions keep working: a two-stage run interrupted mid-epoch by the first checkpoint
 * format ({@code compat/twostage-run-v1}, written by {@link InterruptedRunWriter}) is resumed to the end by today's
 * {@code istanas resume}.
 */
final class OldRunFoldersTest {
    @TempDir
    Path dir;

    @Test
    void anInterruptedVersionOneRunResumesToTheEnd() throws IOException {
        Path run = copy(Path.of("src/test/resources/compat/twostage-run-v1"), dir.resolve("run"));
        assertThat(new CheckpointStore(run.resolve("checkpoints"), 2).latest()).as("its checkpoint loads")
                .hasValueSatisfying(c -> assertThat(c.epoch()).isEqualTo(1));
        assertThat(run.resolve("genotype.json")).doesNotExist();

        StringWriter err = new StringWriter();
        int exit = Main.run(new String[] {"resume", "--run", run.toString(), "--quiet"},
                new PrintWriter(new StringWriter()), new PrintWriter(err));

        assertThat(exit).as(err.toString()).isZero();
        assertThat(GenotypeJson.read(run.resolve("genotype.json")).normal()).hasSize(8);
        List<String> metrics = Files.readAllLines(run.resolve("metrics.csv"));
        assertThat(metrics).hasSize(1 + 2); // header and the two epochs of the recorded config
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return to;
    }
}
