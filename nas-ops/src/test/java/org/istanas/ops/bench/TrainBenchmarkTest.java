package org.istanas.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.istanas.ops.engine.nn.Buffers;
import org.istanas.ops.engine.Precision;
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

    /**
     * Freeing activations as soon as their last reader is done (ReLU backward on its output, node sums, cell outputs
     * and edge outputs back to the pool, the pool cleared when the batch size changes) must not change the numbers:
     * the losses are those of main at d5936cf, before any of it, with the same seeds (DARTS_V2, 5 cells x 8
     * channels, batch 8, auxiliary head 0.4, drop-path 0.2), computed there in float64. Float64 because float32
     * kernels round differently on different CPUs (oneDNN picks them per CPU; an AMD EPYC and the Intel machine the
     * float32 values came from differed by 2.5e-3 after 10 steps), while float64 runs agree far below 1e-9.
     */
    @Test
    void freeingActivationsEarlyKeepsTheLosses() {
        TrainBenchmark.Result steps = TrainBenchmark.run(new TrainBenchmark.Options("DARTS_V2", 5, 8, 8, 0.4, 0.2, 10,
                0, 0, 4, 0, false), Precision.FLOAT64);
        assertThat(steps.lastLoss()).isCloseTo(1.8103509741143506, within(1e-9));
        // two replayed epochs: smaller last batches and test batches change the batch size four times per epoch
        TrainBenchmark.Result epochs = TrainBenchmark.run(new TrainBenchmark.Options("DARTS_V2", 5, 8, 8, 0.4, 0.2,
                3, 0, 2, 1, 0, false), Precision.FLOAT64);
        assertThat(epochs.lastLoss()).isCloseTo(4.235063933704944, within(1e-9));
        assertThat(Buffers.pooledBytes()).isZero();
    }

    @Test
    void rejectsADropPathOfOne() {
        assertThatThrownBy(() -> new TrainBenchmark.Options("DARTS_V2", 3, 2, 4, 0.4, 1.0, 1, 0, 0, 0, 0, false))
                .hasMessageContaining("--drop-path");
    }
}
