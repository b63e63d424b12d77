package org.istanas.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.istanas.report.compare.Comparison;
import org.istanas.report.compare.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ComparisonTest {
    @TempDir
    Path dir;

    @Test
    void rowsHoldTheNumbersOfTheFiles() throws IOException {
        Path search = RunFixture.search(dir.resolve("a/run"), true);
        Path eval = RunFixture.evaluation(dir.resolve("b/run"));
        Comparison c = Comparison.of(List.of(search, eval));
        assertThat(c.rows()).extracting(RunSummary::label).containsExactly("a/run", "b/run");

        RunSummary s = c.rows().get(0);
        assertThat(s.finalValid().getAsDouble()).isEqualTo(0.52);
        assertThat(s.bestValid().getAsDouble()).isEqualTo(0.55);
        assertThat(s.finalTest()).isEmpty();
        assertThat(s.seconds()).isEqualTo(34.0);
        assertThat(s.searchCoreHours().getAsDouble()).isCloseTo(34.0 * 2 / 3600, within(1e-12));
        assertThat(s.genotype()).isEqualTo("normal: sep_conv_3x3@0 sep_conv_3x3@1; reduce: max_pool_3x3@0 avg_pool_3x3@1");

        RunSummary e = c.rows().get(1);
        assertThat(e.finalTest().getAsDouble()).as("result.json's test accuracy wins").isEqualTo(0.61);
        assertThat(e.bestTest().getAsDouble()).isEqualTo(0.62);
        assertThat(e.searchCoreHours()).as("an evaluation has no search cost").isEmpty();
        assertThat(e.parameters().getAsLong()).isEqualTo(12345);

        String md = c.markdown();
        assertThat(md.lines().toList().get(0)).startsWith("| run | kind | strategy |");
        assertThat(md).contains("| a/run | search | two-stage | synthetic | 5 | 3 | 52.00 | 55.00 |  |  |  | 34 s | 0.019 |  |")
                .contains("| b/run | evaluate | evaluate | synthetic | 9 | 2 |  |  | 61.00 | 62.00 |  | 220 s |  | 12,345 |");

        JsonNode json = new ObjectMapper().readTree(c.json());
        assertThat(json).hasSize(2);
        assertThat(json.get(0).get("finalValidAccuracy").asDouble()).isEqualTo(0.52);
        assertThat(json.get(0).get("finalTestAccuracy").isNull()).isTrue();
        assertThat(json.get(1).get("parameters").asLong()).isEqualTo(12345);

        // overlaid curves: every run that has the column is one series
        assertThat(c.overlaidCharts().keySet()).containsExactly("valid_acc", "test_acc", "train_loss", "valid_loss");
        assertThat(c.overlaidCharts().get("train_loss").series()).hasSize(2);
        assertThat(c.overlaidCharts().get("valid_acc").series()).hasSize(1);
    }

    @Test
    void anExperimentFolderIsExpandedIntoItsRuns() throws IOException {
        RunFixture.search(dir.resolve("exp/run-10"), true);
        RunFixture.search(dir.resolve("exp/run-2"), false);
        Comparison c = Comparison.of(List.of(dir.resolve("exp")));
        assertThat(c.rows()).extracting(RunSummary::label).containsExactly("run-2", "run-10");
        assertThat(c.cells().get(0).get(5)).isEqualTo("3 (running)");
    }

    @Test
    void badFoldersAreNamedBeforeAnythingIsWritten() throws IOException {
        Path empty = dir.resolve("empty");
        Files.createDirectories(empty);
        Path good = RunFixture.search(dir.resolve("good"), true);
        assertThatThrownBy(() -> Comparison.of(List.of(good, empty))).hasMessageContaining(empty.toString())
                .hasMessageContaining("holds no run");
        assertThatThrownBy(() -> Comparison.of(List.of(dir.resolve("nope")))).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> Comparison.of(List.of())).hasMessageContaining("no run folder");
    }
}
