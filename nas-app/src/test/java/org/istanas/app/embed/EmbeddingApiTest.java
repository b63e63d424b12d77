package org.istanas.app.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.istanas.api.genotype.GenotypeJson;
import org.istanas.api.run.Provenance;
import org.istanas.api.run.ProvenanceFiles;
import org.istanas.api.search.SearchOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fluent API as docs/embedding.md shows it, running a tiny search on the real engine and plugins. */
final class EmbeddingApiTest {
    static final List<String> TINY = List.of("layers=3", "channels=2", "batchSize=16", "trainImages=64", "epochs=1",
            "augment=false", "loaderWorkers=1");

    @TempDir
    Path dir;

    @Test
    void tinySearchThroughTheFluentApi() throws IOException {
        Istanas nas = Istanas.create();
        SearchReport report = nas.search()
                .strategy("two-stage").dataset("synthetic").datasetOption("trainSize", "64")
                .solver("fista").preset("smoke").overrides(TINY).seed(7)
                .out(dir.resolve("run"))
                .run();

        SearchOutcome best = report.best();
        assertThat(report.runs()).hasSize(1);
        assertThat(best.runFolder()).isEqualTo(dir.resolve("run"));
        assertThat(GenotypeJson.read(best.runFolder().resolve("genotype.json"))).isEqualTo(best.genotype());
        Provenance p = ProvenanceFiles.read(best.runFolder().resolve("provenance.json"));
        assertThat(p.invocation("strategy")).isEqualTo("two-stage");
        assertThat(p.invocation("solver")).isEqualTo("fista");
        assertThat(p.invocation("seed")).isEqualTo("7");
        assertThat(p.dataset().name()).isEqualTo("synthetic");
        assertThat(p.dataset().checksum()).isNotBlank();
        assertThat(p.plugins()).extracting(Provenance.PluginSource::kind).contains("strategy", "solver", "dataset",
                "operation");
        assertThat(p.backend()).isNotBlank();
        assertThat(Files.readString(best.runFolder().resolve("config.yaml"))).contains("layers: 3");

        // resuming a finished run reproduces it without training again
        SearchOutcome again = nas.resumeSearch(best.runFolder(), org.istanas.api.run.ProgressListener.NONE);
        assertThat(again.genotype()).isEqualTo(best.genotype());
    }

    @Test
    void severalRunsPickTheBestAndWriteASummary() throws IOException {
        SearchReport report = Istanas.create().search().datasetOption("trainSize", "64").preset("smoke")
                .overrides(TINY).seed(3).runs(2).out(dir.resolve("study")).run();
        assertThat(report.runs()).extracting(SearchOutcome::seed).hasSize(2).doesNotHaveDuplicates().startsWith(3L);
        List<String> summary = Files.readAllLines(dir.resolve("study/summary.csv"));
        assertThat(summary).hasSize(3);
        assertThat(summary.get(0)).isEqualTo("run,seed,valid_acc,best,folder");
        assertThat(GenotypeJson.read(dir.resolve("study/genotype.json"))).isEqualTo(report.best().genotype());
        double best = report.runs().stream().mapToDouble(SearchOutcome::validAccuracy).max().orElseThrow();
        assertThat(report.best().validAccuracy()).isEqualTo(best);
    }

    @Test
    void refusesToOverwriteAndNamesUnknownPlugins() throws IOException {
        Files.createDirectories(dir.resolve("full"));
        Files.writeString(dir.resolve("full/x"), "x");
        assertThatThrownBy(() -> Istanas.create().search().preset("smoke").out(dir.resolve("full")).run())
                .hasMessageContaining("not empty");
        assertThatThrownBy(() -> Istanas.create().search().solver("mosek").run()).hasMessageContaining("mosek");
    }
}
