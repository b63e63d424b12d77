package org.istanas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.istanas.api.genotype.GenotypeJson;
import org.istanas.data.cifar.Cifar10Writer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** search / resume / evaluate through the command line, on the real engine. */
final class RunCommandsTest {
    @TempDir
    Path dir;

    /** A tiny learnable CIFAR-10-format directory (the synthetic images written as binary batches). */
    static Path tinyCifar10(Path dir) throws java.io.IOException {
        return Cifar10Writer.writeSynthetic(dir.resolve("cifar10"), 96, 64, 7);
    }

    @Test
    void smokeSearchOnCifar10FilesWritesTheRunFolderAndResumes() throws Exception {
        Path data = tinyCifar10(dir);
        Path out = dir.resolve("search");
        MainTest.Result r = MainTest.run("search", "--strategy", "two-stage", "--dataset", "cifar10", "--data-dir",
                data.toString(), "--preset", "smoke", "--seed", "1", "--out", out.toString(), "--set", "epochs=1",
                "--set", "trainImages=64", "--set", "batchSize=16", "--quiet");
        assertThat(r.exitCode()).as(r.err()).isZero();
        for (String f : List.of("config.yaml", "provenance.json", "metrics.csv", "codes.csv", "genotype.json",
                "cells.dot", "result.json", "checkpoints")) {
            assertThat(out.resolve(f)).exists();
        }
        assertThat(r.out()).contains("normal cell:", "reduce cell:", "run folder:  " + out.toAbsolutePath());
        MainTest.Result resumed = MainTest.run("resume", "--run", out.toString(), "--quiet");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(GenotypeJson.read(out.resolve("genotype.json")).toString()).isNotEmpty();
    }

    /** Issue 15 item 2: the one-stage smoke preset stayed at chance (train = test = 0.1016). */
    @Test
    void oneStageSmokeLearns() throws Exception {
        Path out = dir.resolve("one-stage-smoke");
        MainTest.Result r = MainTest.run("search", "--strategy", "one-stage", "--preset", "smoke", "--dataset",
                "synthetic", "--seed", "1", "--out", out.toString(), "--quiet");
        assertThat(r.exitCode()).as(r.err()).isZero();
        double accuracy = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("result.json")
                .toFile()).get("validAccuracy").asDouble();
        assertThat(accuracy).as("folded test accuracy, chance 0.10").isGreaterThan(0.25);
    }

    /** Issue 13: a smoke-size search with the released code's recipe, for each strategy. */
    @Test
    void smokeSearchesRunWithTheOfficialRecipe() throws Exception {
        Path data = tinyCifar10(dir);
        for (String strategy : List.of("two-stage", "darts", "one-stage")) {
            Path out = dir.resolve("official-" + strategy);
            MainTest.Result r = MainTest.run("search", "--strategy", strategy, "--dataset", "cifar10", "--data-dir",
                    data.toString(), "--preset", "smoke@official", "--seed", "1", "--out", out.toString(),
                    "--set", "trainImages=64", "--set", "batchSize=16", "--quiet",
                    "--set", strategy.equals("one-stage") ? "testImages=32" : "epochs=2");
            assertThat(r.exitCode()).as(strategy + ": " + r.err()).isZero();
            String config = java.nio.file.Files.readString(out.resolve("config.yaml"));
            assertThat(config).as(strategy).contains("learningRateMin: 0.001").contains("layers: 3");
            assertThat(out.resolve("genotype.json")).exists();
        }
    }

    @Test
    void evaluateSmokeReportsAccuracyAndTestOnlyReloads() {
        Path out = dir.resolve("eval");
        MainTest.Result r = MainTest.run("evaluate", "--genotype", "ISTA_TWOSTAGE", "--dataset", "synthetic",
                "--dataset-option", "trainSize=64", "--dataset-option", "testSize=32", "--preset", "smoke",
                "--set", "layers=3", "--set", "channels=4", "--set", "epochs=1", "--set", "trainImages=64",
                "--set", "testImages=32", "--set", "batchSize=16", "--out", out.toString(), "--quiet");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("test accuracy:");
        MainTest.Result t = MainTest.run("evaluate", "--test-only", "--run", out.toString());
        assertThat(t.exitCode()).as(t.err()).isZero();
        assertThat(t.out()).contains("test accuracy of the saved model:");
    }
}
