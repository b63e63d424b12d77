package org.istanas.api.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 15 item 14: the ~300-character genotype line of every epoch only when asked for (--verbose). */
final class ProgressGenotypeLineTest {
    private static final String GENOTYPE = "genotype normal [sep_conv_3x3@0 sep_conv_3x3@1 | skip_connect@0 "
            + "sep_conv_3x3@1] reduce [max_pool_3x3@0 max_pool_3x3@1 | skip_connect@2 max_pool_3x3@1]";

    private static String shown(boolean genotypes, String note) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, () -> 0L)
                .showGenotypes(genotypes);
        bar.epochFinished(new EpochReport(0, 1, Map.of("valid_acc", 0.25), note, 60));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutVerboseTheEpochLineStandsAlone() {
        assertThat(shown(false, GENOTYPE)).isEqualTo("epoch 1/1 valid_acc 0.2500 (1:00)\n");
    }

    @Test
    void theOneStagePhaseStaysAndOnlyTheGenotypeGoes() {
        assertThat(shown(false, "2 of 4 nodes searching; " + GENOTYPE))
                .isEqualTo("epoch 1/1 valid_acc 0.2500 (1:00)\n  2 of 4 nodes searching\n");
    }

    @Test
    void verboseShowsTheGenotype() {
        assertThat(shown(true, GENOTYPE)).isEqualTo("epoch 1/1 valid_acc 0.2500 (1:00)\n  " + GENOTYPE + "\n");
    }
}
