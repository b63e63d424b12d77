package org.istanas.search.twostage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.istanas.api.genotype.GenotypeJson;
import org.istanas.api.run.ProgressListener;
import org.istanas.api.run.RunFolder;
import org.istanas.api.search.SearchOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two-stage search end to end on the real engine, with a tiny network. */
final class TwoStageStrategyTest {
    @TempDir
    Path dir;

    @Test
    void computesExactlySOpsPerNodeAtEveryStepAndWritesTheRunFolder() throws IOException {
        TestRig.CountingEngine engine = new TestRig.CountingEngine(TestRig.engine());
        RunFolder folder = RunFolder.create(dir.resolve("run"));
        SearchOutcome outcome = new TwoStageStrategy().search(TestRig.context(new TwoStageStrategy(), TestRig.TINY,
                folder, 5, engine, ProgressListener.NONE));

        // 2 epochs x 2 steps x (architecture + weight step) + 2 validation passes of 2 batches
        assertThat(engine.counts).hasSize(2 * 2 * 2 + 2 * 2);
        for (int[][] perCell : engine.counts) {
            assertThat(perCell).hasNumberOfRows(3);
            for (int[] perNode : perCell) {
                assertThat(perNode).containsExactly(2, 2, 2, 2);
            }
        }
        assertThat(outcome.genotype().normal()).hasSize(8);
        assertThat(GenotypeJson.read(folder.genotype())).isEqualTo(outcome.genotype());
        for (String file : List.of("metrics.csv", "codes.csv", "genotype.json", "cells.dot", "result.json")) {
            assertThat(folder.root().resolve(file)).isRegularFile();
        }
        List<String> metrics = Files.readAllLines(folder.metrics());
        assertThat(metrics).hasSize(3);
        assertThat(metrics.get(0)).startsWith("epoch,lr,train_loss,train_acc,arch_loss,valid_loss,valid_acc,normal_n2");
        // the last row's supports are the genotype's, each pair listed (second largest, largest)
        String last = metrics.get(2);
        assertThat(last).contains(outcome.genotype().normal().get(0).op() + "@" + outcome.genotype().normal().get(0).input()
                + "+" + outcome.genotype().normal().get(1).op() + "@" + outcome.genotype().normal().get(1).input());
        // codes.csv: per epoch the recovered x, 2 non-zeros per node, then 3 solver columns per node
        List<String> codes = Files.readAllLines(folder.codes());
        String[] x = codes.get(2).split(",");
        int codeLength = 2 * (14 + 21 + 28 + 35);
        assertThat(x).hasSize(1 + codeLength + 3 * 8);
        long nonZero = 0;
        for (int i = 1; i <= codeLength; i++) {
            nonZero += Double.parseDouble(x[i]) != 0 ? 1 : 0;
        }
        assertThat(nonZero).isEqualTo(2 * 4 * 2);
    }

    @Test
    void sameSeedSameRunAndAKilledRunResumesToIt() throws IOException {
        SearchOutcome a = run("a", 3);
        SearchOutcome b = run("b", 3);
        assertThat(b.genotype()).isEqualTo(a.genotype());
        assertThat(TestRig.metricsWithoutTime(b.runFolder())).isEqualTo(TestRig.metricsWithoutTime(a.runFolder()));
        assertThat(Files.readAllLines(b.runFolder().resolve("codes.csv")))
                .isEqualTo(Files.readAllLines(a.runFolder().resolve("codes.csv")));

        // killed at its first mid-epoch checkpoint, with no clean-up at all, then resumed
        RunFolder folder = RunFolder.create(dir.resolve("killed"));
        List<String> seen = new ArrayList<>();
        ProgressListener killer = new ProgressListener() {
            @Override
            public void checkpointSaved(Path file, int epoch, int step) {
                seen.add(epoch + "/" + step);
                if (epoch == 0 && step == 1) {
                    throw new IllegalStateException("simulated kill -9");
                }
            }
        };
        assertThatThrownBy(() -> new TwoStageStrategy().search(TestRig.context(new TwoStageStrategy(), TestRig.TINY,
                folder, 3, TestRig.engine(), killer))).hasMessage("simulated kill -9");
        assertThat(seen).containsExactly("0/0", "0/1");
        assertThat(folder.genotype()).doesNotExist();

        SearchOutcome resumed = new TwoStageStrategy().resume(TestRig.context(new TwoStageStrategy(), TestRig.TINY,
                folder, 3, TestRig.engine(), ProgressListener.NONE));
        assertThat(resumed.genotype()).isEqualTo(a.genotype());
        assertThat(resumed.validAccuracy()).isEqualTo(a.validAccuracy());
        assertThat(TestRig.metricsWithoutTime(folder.root())).isEqualTo(TestRig.metricsWithoutTime(a.runFolder()));
        assertThat(Files.readAllLines(folder.codes())).isEqualTo(Files.readAllLines(a.runFolder().resolve("codes.csv")));
    }

    private SearchOutcome run(String name, long seed) throws IOException {
        RunFolder folder = RunFolder.create(dir.resolve(name));
        return new TwoStageStrategy().search(TestRig.context(new TwoStageStrategy(), TestRig.TINY, folder, seed,
                TestRig.engine(), ProgressListener.NONE));
    }
}
