package org.istanas.search.twostage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.istanas.api.genotype.GenotypeEdge;
import org.istanas.api.run.ProgressListener;
import org.istanas.api.run.RunFolder;
import org.istanas.api.search.SearchOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DARTS on the real engine writes a run folder comparable with two-stage's. */
final class DartsStrategyTest {
    @TempDir
    Path dir;

    /** One step of one epoch: the dense network computes all 8 ops on every edge, so it is kept minimal. */
    static final List<String> ONE_STEP = List.of("layers=3", "channels=2", "batchSize=16", "trainImages=32",
            "epochs=1", "augment=false", "loaderWorkers=1");

    @Test
    void runFolderMatchesTwoStageLayout() throws IOException {
        RunFolder darts = RunFolder.create(dir.resolve("darts"));
        SearchOutcome d = new DartsStrategy().search(TestRig.context(new DartsStrategy(), ONE_STEP, darts, 4,
                TestRig.engine(), ProgressListener.NONE));
        RunFolder two = RunFolder.create(dir.resolve("two"));
        new TwoStageStrategy().search(TestRig.context(new TwoStageStrategy(), ONE_STEP, two, 4, TestRig.engine(),
                ProgressListener.NONE));

        assertThat(fileNames(darts.root())).isEqualTo(fileNames(two.root()));
        assertThat(Files.readAllLines(darts.metrics()).get(0)).isEqualTo(Files.readAllLines(two.metrics()).get(0));
        // codes.csv: the same (node, input, op) columns, plus DARTS's 'none' per edge and two-stage's solver columns
        List<String> dartsCodes = List.of(Files.readAllLines(darts.codes()).get(0).split(","));
        List<String> twoCodes = List.of(Files.readAllLines(two.codes()).get(0).split(","));
        assertThat(dartsCodes.stream().filter(c -> !c.endsWith("_none")).toList())
                .isEqualTo(twoCodes.stream().filter(c -> !c.matches(".*_(iterations|gap|converged)")).toList());
        assertThat(dartsCodes).hasSize(1 + 2 * 8 * (2 + 3 + 4 + 5));
        // DARTS rule: two distinct inputs per node
        List<GenotypeEdge> normal = d.genotype().normal();
        for (int j = 0; j < 4; j++) {
            assertThat(normal.get(2 * j).input()).isNotEqualTo(normal.get(2 * j + 1).input());
            assertThat(normal.get(2 * j).input()).isLessThan(j + 2);
        }
        // codes.csv holds softmax weights: every edge's 8 weights (none included) sum to 1
        String[] row = Files.readAllLines(darts.codes()).get(1).split(",");
        double edge = 0;
        for (int o = 1; o <= 8; o++) {
            edge += Double.parseDouble(row[o]);
        }
        assertThat(edge).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
    }

    private static List<String> fileNames(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("cells.")
                    || n.equals("cells.dot")).sorted().toList();
        }
    }
}
