package org.istanas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 8: absurd sizes are refused up front with a message naming the option, instead of a minute of work
 * and an OutOfMemoryError, an "integer overflow" or a NegativeArraySizeException.
 */
final class SizeBoundsTest {
    private static void refused(String option, String value, String... args) {
        MainTest.Result r = MainTest.run(args);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith("istanas: " + option + " must be between 1 and ")
                .contains(", got " + value + "\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void paramsRefusesHugeLayersChannelsAndClasses() {
        refused("--layers", "2000000000", "params", "--genotype", "DARTS_V2", "--layers", "2000000000");
        refused("--channels", "2000000000", "params", "--genotype", "DARTS_V2", "--channels", "2000000000");
        refused("--classes", "0", "params", "--genotype", "DARTS_V2", "--classes", "0");
        refused("--layers", "-3", "params", "--genotype", "DARTS_V2", "--layers", "-3");
    }

    @Test
    void benchStepRefusesHugeBatchChannelsAndLayers() {
        refused("--batch", "100000000", "bench", "step", "--batch", "100000000");
        refused("--channels", "2000000000", "bench", "step", "--channels", "2000000000");
        refused("--layers", "0", "bench", "step", "--layers", "0");
    }

    @Test
    void sizesWithinTheBoundsStillCount() {
        // DARTS_V2 on the CIFAR layout with 36 channels and 20 cells: the published 3,349,342 (ParamsCommandTest)
        MainTest.Result r = MainTest.run("params", "--genotype", "DARTS_V2", "--layers", "20", "--channels", "36");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).endsWith("\n3349342\n");
    }

    @Test
    void benchStepHelpShowsTheDefaults() {
        MainTest.Result r = MainTest.run("bench", "step", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("images per batch (default: 64)", "initial channels (default: 16)",
                "cells (default: 8)", "sparse (ISTA-NAS) or dense (DARTS) (default: sparse)");
    }
}
