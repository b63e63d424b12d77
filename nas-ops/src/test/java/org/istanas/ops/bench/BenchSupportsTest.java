package org.istanas.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.istanas.api.data.ImageShape;
import org.istanas.api.genotype.CellType;
import org.istanas.ops.OpsPlugin;
import org.istanas.ops.engine.Nd4jEngine;
import org.istanas.api.network.SearchNetworkSpec;
import org.istanas.api.network.SparseSearchNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class BenchSupportsTest {
    @TempDir
    Path dir;

    @Test
    void dartsV2SupportsAreTheGenotypesPairs() {
        BenchSupports s = StepBenchmark.supports("DARTS_V2", null);
        // by hand from the genotype: k = input * 7 + op, ops max, avg, skip, sep3, sep5, dil3, dil5
        int[][] normal = {{3, 10}, {3, 10}, {2, 10}, {2, 19}};
        int[][] reduce = {{0, 7}, {7, 16}, {0, 16}, {7, 16}};
        for (int j = 0; j < 4; j++) {
            assertThat(s.support(CellType.NORMAL, j)).as("normal node %d", j).containsExactly(normal[j]);
            assertThat(s.support(CellType.REDUCE, j)).as("reduce node %d", j).containsExactly(reduce[j]);
        }
        assertThat(s.description()).isEqualTo("genotype DARTS_V2");
    }

    @Test
    void fixedSupportsAreWhatTheNetworkComputes() {
        SearchNetworkSpec spec = new SearchNetworkSpec(new ImageShape(3, 8, 8), 10, 2, 3, 4,
                OpsPlugin.paperOperations(), 0, 1);
        BenchSupports s = StepBenchmark.supports("DARTS_V2", null);
        try (SparseSearchNetwork net = new Nd4jEngine().sparseSearchNetwork(spec)) {
            StepBenchmark.drawSupports(net, spec, new Random(1), s);
            for (CellType type : CellType.values()) {
                for (int j = 0; j < 4; j++) {
                    double[] z = net.nodeWeights(type, j);
                    int nonZero = 0;
                    for (int k = 0; k < z.length; k++) {
                        if (z[k] != 0) {
                            nonZero++;
                            assertThat(s.support(type, j)).as("%s node %d weight %d", type, j, k).contains(k);
                        }
                    }
                    assertThat(nonZero).isEqualTo(2);
                }
            }
        }
    }

    @Test
    void supportsFileIsReadAndValidated() throws IOException {
        Path file = dir.resolve("s.json");
        Files.writeString(file, "{\"normal\": [[10, 3], [3], [2, 10, 20], [27]], \"reduce\": [[0], [7], [0], [7]]}");
        BenchSupports s = StepBenchmark.supports(null, file.toString());
        assertThat(s.support(CellType.NORMAL, 0)).containsExactly(3, 10);
        assertThat(s.support(CellType.NORMAL, 2)).containsExactly(2, 10, 20);
        assertThat(s.support(CellType.NORMAL, 3)).containsExactly(27);

        Files.writeString(file, "{\"normal\": [[3], [3], [3], [35]], \"reduce\": [[0], [7], [0], [7]]}");
        assertThatThrownBy(() -> StepBenchmark.supports(null, file.toString()))
                .hasMessageContaining("normal[3]").hasMessageContaining("35 out of range [0, 35)");
        Files.writeString(file, "{\"normal\": [[3, 3], [3], [3], [3]], \"reduce\": [[0], [7], [0], [7]]}");
        assertThatThrownBy(() -> StepBenchmark.supports(null, file.toString()))
                .hasMessageContaining("normal[0]").hasMessageContaining("appears twice");
        Files.writeString(file, "{\"normal\": [[3], [3], [3], [3]]}");
        assertThatThrownBy(() -> StepBenchmark.supports(null, file.toString()))
                .hasMessageContaining("'reduce'");
        Files.writeString(file, "{\"normal\": [[3], [\"x\"], [3], [3]], \"reduce\": [[0], [7], [0], [7]]}");
        assertThatThrownBy(() -> StepBenchmark.supports(null, file.toString()))
                .hasMessageContaining("normal[1]").hasMessageContaining("expected an integer");
        assertThatThrownBy(() -> StepBenchmark.supports("DARTS_V2", file.toString())).hasMessageContaining("not both");
        assertThatThrownBy(() -> new StepBenchmark.Options("dense", 2, 2, 3, 1, 0, 0, false, 0,
                StepBenchmark.supports("DARTS_V2", null))).hasMessageContaining("--mode sparse");
    }

    @Test
    void oneStageBenchmarkRunsAndPrintsJson() {
        OneStageBenchmark.Result r = OneStageBenchmark.run(new OneStageBenchmark.Options(2, 2, 3, 0.4, 1, 0, 1, true,
                StepBenchmark.supports("DARTS_V2", null)));
        assertThat(r.medianMs()).isPositive();
        assertThat(r.lastLoss()).isFinite();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OneStageBenchmark.print(r, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("\"mode\": \"onestage\"",
                "\"ms_per_step_median\"", "\"images_per_s\"", "\"peak_rss_mb\"", "\"supports\": \"genotype DARTS_V2\"");
    }
}
