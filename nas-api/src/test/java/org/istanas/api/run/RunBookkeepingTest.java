package org.istanas.api.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class RunBookkeepingTest {
    @TempDir
    Path dir;

    @Test
    void atomicWriteReplacesContentAndLeavesNoTemporaryFile() throws IOException {
        Path f = dir.resolve("sub/a.txt");
        AtomicFiles.write(f, "one");
        AtomicFiles.write(f, "two");
        assertThat(f).hasContent("two");
        try (var files = Files.list(f.getParent())) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void provenanceRoundTripsThroughJson() throws IOException {
        Provenance p = new Provenance("istanas", "dev", "abc", "2026-01-01T00:00:00Z",
                Map.of("strategy", "two-stage", "seed", "2"), Map.of("base", 2L, "matrices", 77L),
                new Provenance.DatasetInfo("synthetic", null, "sha256:00", 100, 20, 10),
                List.of(new Provenance.PluginSource("solver", "fista", "x.Fista", "nas-solvers.jar")),
                "nd4j", ProvenanceFiles.runtime());
        ProvenanceFiles.write(dir.resolve("p.json"), p);
        Provenance back = ProvenanceFiles.read(dir.resolve("p.json"));
        assertThat(back).isEqualTo(p);
        assertThat(back.invocation("strategy")).isEqualTo("two-stage");
        assertThatThrownBy(() -> back.invocation("nope")).hasMessageContaining("no invocation entry 'nope'");
    }

    @Test
    void runFolderRefusesToOverwriteARun() throws IOException {
        Path root = RunFolder.newDirectory(dir, "two-stage", 2, Instant.parse("2026-01-02T03:04:05Z"));
        assertThat(root.getFileName().toString()).isEqualTo("two-stage-20260102-030405-s2");
        RunFolder run = RunFolder.create(root);
        Files.writeString(run.provenance(), "{}");
        assertThatThrownBy(() -> RunFolder.create(root)).hasMessageContaining("already holds a run");
        assertThatThrownBy(() -> RunFolder.open(root)).hasMessageContaining("has no config.yaml");
        assertThat(RunFolder.newDirectory(dir, "two-stage", 2, Instant.parse("2026-01-02T03:04:05Z")))
                .hasFileName("two-stage-20260102-030405-s2-2");
    }

    @Test
    void seedsAreStableDistinctAndRunZeroIsTheBase() {
        assertThat(Seeds.forRun(42, 0)).isEqualTo(42);
        assertThat(Seeds.forRun(42, 1)).isNotEqualTo(Seeds.forRun(42, 2)).isNotNegative();
        assertThat(Seeds.derive(42, "matrices")).isEqualTo(Seeds.derive(42, "matrices"))
                .isNotEqualTo(Seeds.derive(42, "weights")).isNotEqualTo(Seeds.derive(43, "matrices"));
    }

    @Test
    void divergenceNamesPhaseAndPosition() {
        DivergenceException.check(1.0, "weight step", 0, 0);
        assertThatThrownBy(() -> DivergenceException.check(Double.NaN, "architecture step", 2, 9))
                .isInstanceOf(DivergenceException.class)
                .hasMessageContaining("architecture step loss is NaN at epoch 3 batch 10")
                .hasMessageContaining("last good checkpoint");
    }
}
