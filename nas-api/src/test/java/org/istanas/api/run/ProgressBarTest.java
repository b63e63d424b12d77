package org.istanas.api.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

final class ProgressBarTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final AtomicLong nanos = new AtomicLong();

    @Test
    void terminalShowsABarWithTheEpochEta() {
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, nanos::get);
        bar.epochStarted(0, 10, 4);
        nanos.set(2_000_000_000L);
        bar.stepFinished(0, 0, 4, 1.5, 0.25);
        String shown = bytes.toString(StandardCharsets.UTF_8);
        // 2 s for the first of 4 batches: 6 s left in the epoch
        assertThat(shown).startsWith("\repoch 1/10 [######------------------] 1/4").contains("ETA 0:06");
    }

    @Test
    void logFileGetsOnlyEpochLinesWithRunEta() {
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, nanos::get);
        bar.epochStarted(0, 3, 4);
        bar.stepFinished(0, 3, 4, 1.5, 0.25);
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("valid_acc", 0.5);
        bar.epochFinished(new EpochReport(0, 3, values, "normal: ...", 90));
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .isEqualTo("epoch 1/3 valid_acc 0.5000 (1:30, run ETA 3:00)\n  normal: ...\n");
    }

    @Test
    void formatsDurations() {
        assertThat(ProgressBar.duration(59.6)).isEqualTo("1:00");
        assertThat(ProgressBar.duration(3725)).isEqualTo("1:02:05");
        assertThat(ProgressBar.duration(Double.NaN)).isEqualTo("?");
    }
}
