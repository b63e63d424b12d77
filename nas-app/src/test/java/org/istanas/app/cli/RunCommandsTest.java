package org.istanas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.istanas.api.genotype.GenotypeJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** search / resume / evaluate through the command line, on the real engine. */
final class RunCommandsTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void engineAvailable() {
        try {
            Class.forName("org.istanas.ops.engine.Nd4jEngine");
        } catch (ClassNotFoundException e) {
            assumeTrue(false, "the ND4J engine has not landed");
        }
    }

    /** The repository's shared data folder: walk up to the folder with .ci/, then ../shared/data. */
    static Path sharedData(String name) {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve(".ci"))) {
            p = p.getParent();
        }
        Path data = p == null ? null : p.resolveSibling("shared").resolve("data").resolve(name);
        if (p != null && (data == null || !Files.isDirectory(data))) {
            data = p.getParent().getParent().resolve("shared").resolve("data").resolve(name);
        }
        assumeTrue(data != null && Files.isDirectory(data), name + " not found next to the repository");
        return data;
    }

    @Test
    void smokeSearchOnCifar10MiniWritesTheRunFolder() throws Exception {
        Path data = sharedData("cifar10-mini");
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

    @Test
    void evaluateSmokeReportsAccuracyAndTestOnlyReloads() {
        Path out = dir.resolve("eval");
        MainTest.Result r = MainTest.run("evaluate", "--genotype", "ISTA_TWOSTAGE", "--dataset", "synthetic",
                "--dataset-option", "trainSize=64", "--dataset-option", "testSize=32", "--preset", "smoke",
                "--set", "layers=3", "--set", "channels=4", "--set", "epochs=1", "--set", "trainImages=64",
                "--set", "testImages=32", "--set", "batchSize=16", "--out", out.toString(), "--quiet");
        assumeTrue(!r.err().contains("UnsupportedOperationException"), "the engine has no target networks yet");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("test accuracy:");
        MainTest.Result t = MainTest.run("evaluate", "--test-only", "--run", out.toString());
        assertThat(t.exitCode()).as(t.err()).isZero();
        assertThat(t.out()).contains("test accuracy of the saved model:");
    }
}
