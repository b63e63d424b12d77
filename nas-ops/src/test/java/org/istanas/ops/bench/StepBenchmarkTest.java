package org.istanas.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class StepBenchmarkTest {
    @Test
    void smallRunPrintsTheDocumentedJsonKeys() {
        for (String mode : new String[] {"sparse", "dense"}) {
            StepBenchmark.Result r = StepBenchmark.run(new StepBenchmark.Options(mode, 2, 2, 3, 2, 0, 1, true, 1));
            assertThat(r.medianMs()).isPositive();
            assertThat(r.minMs()).isLessThanOrEqualTo(r.medianMs());
            assertThat(r.rssMb()).hasSize(2);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            StepBenchmark.print(r, new PrintStream(bytes, true, StandardCharsets.UTF_8));
            String json = bytes.toString(StandardCharsets.UTF_8);
            assertThat(json).contains("\"ms_per_step_median\"", "\"images_per_s\"", "\"peak_rss_mb\"",
                    "\"mode\": \"" + mode + "\"");
        }
    }

    @Test
    void rejectsAnUnknownMode() {
        assertThatThrownBy(() -> new StepBenchmark.Options("sparce", 2, 2, 3, 1, 0, 0, false, 0))
                .hasMessageContaining("sparce");
    }
}
