package org.istanas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 item 4: an error found only once the data and the network are being set up used to leave a run folder
 * that could be neither resumed ("no readable checkpoint") nor reused ("not empty").
 */
final class LateValidationTest {
    @TempDir
    Path dir;

    private void refusedAndNothingLeft(String expected, String... args) {
        Path out = dir.resolve("run");
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--out", out.toString(), "--quiet")).toArray(String[]::new);
        MainTest.Result r = MainTest.run(all);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(expected);
        assertThat(Files.exists(out)).as("the folder the failed command would have made").isFalse();
    }

    @Test
    void searchErrorsLeaveNoFolder() {
        refusedAndNothingLeft("sparsity 99 exceeds", "search", "--preset", "smoke", "--dataset", "synthetic",
                "--set", "sparsity=99");
        refusedAndNothingLeft("trainImages is 100000", "search", "--preset", "smoke", "--dataset", "synthetic",
                "--set", "trainImages=100000");
        refusedAndNothingLeft("trainImages is 100000", "search", "--strategy", "one-stage", "--preset", "smoke",
                "--dataset", "synthetic", "--set", "trainImages=100000");
    }

    /** Issue 15 item 12: a batch larger than its split ran silently as one short batch per epoch. */
    @Test
    void aBatchLargerThanItsSplitIsRefusedWithTheNumbers() {
        refusedAndNothingLeft("batchSize 48 is larger than the 32 images of the weight-training part of the split "
                + "(trainImages 64 x trainPortion 0.5); lower batchSize to at most 32", "search", "--preset", "smoke",
                "--dataset", "synthetic", "--set", "trainImages=64", "--set", "batchSize=48");
        refusedAndNothingLeft("batchSize 48 is larger than the 40 images of the training split (trainImages 40)",
                "evaluate", "--genotype", "DARTS_V2", "--preset", "smoke", "--dataset", "synthetic",
                "--set", "trainImages=40", "--set", "batchSize=48");
        refusedAndNothingLeft("batchSize 48 is larger than the 40 images of the training split (trainImages 40)",
                "search", "--strategy", "one-stage", "--preset", "smoke", "--dataset", "synthetic",
                "--set", "trainImages=40", "--set", "testImages=32", "--set", "batchSize=48");
    }

    @Test
    void evaluationErrorsLeaveNoFolder() {
        refusedAndNothingLeft("trainImages is 100000", "evaluate", "--genotype", "DARTS_V2", "--preset", "smoke",
                "--dataset", "synthetic", "--set", "trainImages=100000");
    }

    @Test
    void theSameOutputFolderWorksOnceTheErrorIsFixed() {
        Path out = dir.resolve("again");
        MainTest.Result bad = MainTest.run("search", "--preset", "smoke", "--dataset", "synthetic", "--set",
                "sparsity=99", "--out", out.toString(), "--quiet");
        assertThat(bad.exitCode()).isEqualTo(2);
        MainTest.Result good = MainTest.run("search", "--preset", "smoke", "--dataset", "synthetic", "--set",
                "epochs=1", "--set", "trainImages=64", "--set", "batchSize=16", "--out", out.toString(), "--quiet");
        assertThat(good.exitCode()).as(good.err()).isZero();
        assertThat(out.resolve("genotype.json")).exists();
    }

    /** A kill before the first checkpoint leaves config.yaml and provenance.json only: resume starts it over. */
    @Test
    void resumeOfARunKilledBeforeItsFirstCheckpointRunsItFromTheBeginning() throws Exception {
        for (String strategy : java.util.List.of("two-stage", "one-stage")) {
            Path out = dir.resolve("killed-" + strategy);
            MainTest.Result whole = MainTest.run("search", "--strategy", strategy, "--preset", "smoke", "--dataset",
                    "synthetic", "--seed", "3", "--set", "trainImages=64", "--set", "batchSize=16", "--set",
                    strategy.equals("one-stage") ? "testImages=32" : "epochs=1", "--out", out.toString(), "--quiet");
            assertThat(whole.exitCode()).as(whole.err()).isZero();
            String genotype = Files.readString(out.resolve("genotype.json"));
            try (var files = Files.list(out)) {
                for (Path f : files.toList()) {
                    String name = f.getFileName().toString();
                    if (!name.equals("config.yaml") && !name.equals("provenance.json")) {
                        deleteTree(f);
                    }
                }
            }
            MainTest.Result resumed = MainTest.run("resume", "--run", out.toString());
            assertThat(resumed.exitCode()).as(strategy + ": " + resumed.err()).isZero();
            // (the console line "has no checkpoint yet: starting the run from the beginning" goes to the log)
            assertThat(Files.readString(out.resolve("genotype.json"))).as(strategy).isEqualTo(genotype);
        }
    }

    private static void deleteTree(Path p) throws java.io.IOException {
        try (var walk = Files.walk(p)) {
            for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
