package org.istanas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13: {@code istanas search --print-config} shows the effective recipe and runs nothing. */
final class PrintConfigTest {
    @TempDir
    Path dir;

    @Test
    void paperAndOfficialDifferInTheLearningRateOnly() throws Exception {
        Path out = dir.resolve("never");
        MainTest.Result paper = MainTest.run("search", "--preset", "paper", "--print-config", "--out", out.toString());
        MainTest.Result official = MainTest.run("search", "--preset", "official", "--print-config");
        assertThat(paper.exitCode()).as(paper.err()).isZero();
        assertThat(official.exitCode()).as(official.err()).isZero();
        assertThat(paper.out()).endsWith("\n"); // the shell prompt starts on a line of its own
        assertThat(paper.out()).startsWith("# strategy two-stage, preset paper").contains("learningRate: 0.2")
                .contains("schedulerStepsFirst: true").contains("clipArchitectureGradients: true");
        assertThat(official.out()).contains("learningRate: 0.1").contains("learningRateMin: 0.001");
        assertThat(Files.exists(out)).as("nothing is run or created").isFalse();
    }

    @Test
    void smokeSaysWhatItBuildsOnAndOverridesApply() {
        MainTest.Result smoke = MainTest.run("search", "--strategy", "one-stage", "--preset", "smoke",
                "--set", "terminationFromEpoch=1", "--print-config");
        assertThat(smoke.exitCode()).as(smoke.err()).isZero();
        assertThat(smoke.out()).startsWith("# strategy one-stage, preset smoke, which builds on preset paper")
                .contains("terminationFromEpoch: 1").contains("clipArchitectureGradients: false");
        MainTest.Result darts = MainTest.run("search", "--strategy", "darts", "--preset", "official", "--print-config");
        assertThat(darts.out()).contains("withNone: true");
    }

    @Test
    void smokeAtOfficialHasTheSmokeSizesOnTheOfficialRecipe() {
        MainTest.Result smoke = MainTest.run("search", "--preset", "smoke", "--print-config");
        MainTest.Result official = MainTest.run("search", "--preset", "smoke@official", "--print-config");
        assertThat(official.exitCode()).as(official.err()).isZero();
        assertThat(smoke.out()).contains("layers: 3").contains("learningRateMin: 0.0\n");
        assertThat(official.out()).startsWith("# strategy two-stage, preset smoke@official, which builds on preset official")
                .contains("layers: 3").contains("learningRateMin: 0.001");
        MainTest.Result bad = MainTest.run("search", "--preset", "smoke@cpu", "--print-config");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("cpu builds on paper itself");
    }
}
