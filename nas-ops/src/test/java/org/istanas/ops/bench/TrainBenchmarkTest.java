package org.istanas.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.istanas.ops.engine.nn.Buffers;
import org.junit.jupiter.api.Test;

final class TrainBenchmarkTest {
    @Test
    void epochReplayReportsOneRssPerEpochAndTheDocumentedJsonKeys() {
        TrainBenchmark.Result r = TrainBenchmark.run(new TrainBenchmark.Options("DARTS_V2", 3, 2, 4, 0.4, 0.2, 1, 0,
                2, 1, 1, true));
        assertThat(r.epochRssMb()).hasSize(2);
        assertThat(r.minMs()).isPositive().isLessThanOrEqualTo(r.medianMs());
        assertThat(r.lastLoss()).isFinite();
        // the network closed: nothing is left in the gradient pool
        assertThat(Buffers.pooledBytes()).isZero();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TrainBenchmark.print(r, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("\"bench\": \"train\"", "\"ms_per_step_median\"",
                "\"images_per_s\"", "\"peak_rss_mb\"", "\"epoch_rss_mb\": [", "\"drop_path\": 0.2");
    }

    @Test
    void rejectsADropPathOfOne() {
        assertThatThrownBy(() -> new TrainBenchmark.Options("DARTS_V2", 3, 2, 4, 0.4, 1.0, 1, 0, 0, 0, 0, false))
                .hasMessageContaining("--drop-path");
    }
}
