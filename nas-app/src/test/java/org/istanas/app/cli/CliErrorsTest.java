package org.istanas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.istanas.api.run.OutOfMemoryException;
import org.junit.jupiter.api.Test;

final class CliErrorsTest {
    private static String report(Throwable error) {
        StringWriter text = new StringWriter();
        assertThat(CliErrors.report(error, new PrintWriter(text), false)).isEqualTo(1);
        return text.toString();
    }

    @Test
    void outOfOffHeapMemoryIsOneLineNamingTheLimitAndWhatToLower() {
        OutOfMemoryError cause = new OutOfMemoryError("Physical memory usage is too high: physicalBytes (512M) >"
                + " maxPhysicalBytes (512M)");
        OutOfMemoryError error = new OutOfMemoryError("Cannot allocate new LongPointer(4): totalBytes = 1K");
        error.initCause(cause);
        String out = report(error);
        assertThat(out.lines()).hasSize(1);
        assertThat(out).startsWith("istanas: out of off-heap (native) memory: physicalBytes (512M) >"
                + " maxPhysicalBytes (512M).").contains("--set batchSize=").contains("--set channels=");
    }

    @Test
    void outOfHeapAndTrainingOutOfMemoryAreOneLineToo() {
        assertThat(report(new OutOfMemoryError("Java heap space")).lines()).singleElement()
                .asString().startsWith("istanas: out of the Java heap (Java heap space).");
        OutOfMemoryException training = OutOfMemoryException.of(new OutOfMemoryError("Java heap space"),
                "a 8-cell x 16-channel network at batch 64", null);
        assertThat(report(training).lines()).singleElement().asString()
                .isEqualTo("istanas: " + training.getMessage());
    }
}
