package org.istanas.app.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.istanas.api.genotype.GenotypeJson;
import org.istanas.api.run.ProgressListener;
import org.istanas.api.run.Seeds;
import org.istanas.metrics.Kendall;
import org.istanas.metrics.RankCorrelation;
import org.istanas.metrics.Spearman;
import org.istanas.metrics.io.CsvPairs;
import org.istanas.metrics.io.PairedColumns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The experiment's bookkeeping (pairs, statistics, reuse, resume) over a runner that trains nothing. */
final class ConsistencyExperimentTest {
    // search 0.1 0.2 0.3 0.4 against evaluation 0.5 0.7 0.6 0.8: of the 6 pairs only (run 1, run 2) is
    // discordant, so tau-a = tau-b = (5 - 1) / 6; ranks 1 2 3 4 vs 1 3 2 4 give rho = 1 - 6 * 2 / (4 * 15) = 0.8.
    static final double[] SEARCH = {0.1, 0.2, 0.3, 0.4};
    static final double[] EVALUATION = {0.5, 0.7, 0.6, 0.8};

    @TempDir
    Path dir;

    static ConsistencySpec spec(int runs) {
        return spec(runs, List.of());
    }

    static ConsistencySpec spec(int runs, List<String> searchOverrides) {
        return new ConsistencySpec("two-stage", runs, "smoke", "synthetic", null, Map.of(), "fista", 2, 0,
                RankCorrelation.KENDALL_B, searchOverrides, List.of());
    }

    private ConsistencyReport run(ConsistencySpec spec, FakeRunner runner) throws IOException {
        return new ConsistencyExperiment(spec, runner, dir.resolve("exp"), ProgressListener.NONE).run();
    }

    @Test
    void pairsEachSearchWithTheEvaluationOfItsGenotypeAndReportsTheCorrelations() throws IOException {
        FakeRunner runner = new FakeRunner(SEARCH, EVALUATION);
        ConsistencyReport report = run(spec(4), runner);

        assertThat(runner.calls).containsExactly(
                "search-0 seed 2", "evaluate-0 seed 0 genotype run-0",
                "search-1 seed " + Seeds.forRun(2, 1), "evaluate-1 seed 0 genotype run-1",
                "search-2 seed " + Seeds.forRun(2, 2), "evaluate-2 seed 0 genotype run-2",
                "search-3 seed " + Seeds.forRun(2, 3), "evaluate-3 seed 0 genotype run-3");
        assertThat(report.pairs()).extracting(ConsistencyPair::searchAccuracy).containsExactly(0.1, 0.2, 0.3, 0.4);
        assertThat(report.pairs()).extracting(ConsistencyPair::evaluationAccuracy).containsExactly(0.5, 0.7, 0.6, 0.8);
        assertThat(report.pairs().get(1).genotypeFile()).isEqualTo("search/run-1/genotype.json");
        assertThat(report.headline().value()).isCloseTo(4.0 / 6, within(1e-12));
        assertThat(report.correlations().get(RankCorrelation.KENDALL_A).value()).isCloseTo(4.0 / 6, within(1e-12));
        assertThat(report.correlations().get(RankCorrelation.SPEARMAN).value()).isCloseTo(0.8, within(1e-12));
        assertThat(report.headline().pValue()).isBetween(0.0, 1.0);
        // untied, n = 4: the exact permutation p-value is shown too; P(|S| >= 4) = 2 * (1 + 3) / 24 (Mahonian counts)
        assertThat(report.headline().test().exactPValue()).isCloseTo(8.0 / 24, within(1e-12));
        assertThat(report.headline().toText()).startsWith("kendall-b = 0.6667 (p = ").contains(", exact p = 0.3333, n = 4)");
        assertThat(report.trained()).isEqualTo(8);
        assertThat(report.reused()).isZero();
        assertThat(report.searchAccuracy().mean()).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void theWrittenCsvGivesNasMetricsTheSameCoefficients() throws IOException {
        ConsistencyReport report = run(spec(4), new FakeRunner(SEARCH, EVALUATION));

        PairedColumns csv = CsvPairs.read(report.pairsCsv(), "search_acc", "eval_acc");
        assertThat(csv.n()).isEqualTo(4);
        assertThat(csv.x()).containsExactly(SEARCH);
        assertThat(csv.y()).containsExactly(EVALUATION);
        assertThat(report.headline().value()).isEqualTo(Kendall.tauB(csv.x(), csv.y()));
        assertThat(report.correlations().get(RankCorrelation.SPEARMAN).value())
                .isEqualTo(Spearman.rho(csv.x(), csv.y()));
        List<String> lines = Files.readAllLines(report.pairsCsv());
        assertThat(lines.get(0)).isEqualTo(String.join(",", ConsistencyExperiment.PAIRS_HEADER));
        assertThat(lines.get(1)).startsWith("0,2,search/run-0/genotype.json,0.1,0.5,search/run-0,evaluate/run-0");
        assertThat(GenotypeJson.read(report.folder().resolve("search/run-2/genotype.json")))
                .isEqualTo(GenotypeJson.read(report.folder().resolve("evaluate/run-2/genotype.json")));

        JsonNode summary = new ObjectMapper().readTree(report.summaryJson().toFile());
        assertThat(summary.get("method").asText()).isEqualTo("kendall-b");
        assertThat(summary.get("value").asDouble()).isEqualTo(report.headline().value());
        assertThat(summary.at("/correlations/spearman/value").asDouble()).isCloseTo(0.8, within(1e-12));
        assertThat(summary.at("/correlations/kendall-b/pValue").isNumber()).isTrue();
        assertThat(summary.at("/evaluationAccuracy/n").asInt()).isEqualTo(4);
        assertThat(ImageIO.read(report.scatterPng().toFile()).getWidth()).isPositive();
    }

    @Test
    void rerunningReusesEveryFinishedRunWithoutTouchingIt() throws IOException {
        run(spec(4), new FakeRunner(SEARCH, EVALUATION));
        Map<String, FileTime> before = snapshot(dir.resolve("exp/search"), dir.resolve("exp/evaluate"));

        FakeRunner again = new FakeRunner(new double[4], new double[4]); // would write other accuracies if called
        ConsistencyReport report = run(spec(4), again);

        assertThat(again.calls).isEmpty();
        assertThat(snapshot(dir.resolve("exp/search"), dir.resolve("exp/evaluate"))).isEqualTo(before);
        assertThat(report.reused()).isEqualTo(8);
        assertThat(report.trained()).isZero();
        assertThat(report.headline().value()).isCloseTo(4.0 / 6, within(1e-12));
    }

    @Test
    void anInterruptedExperimentResumesTheUnfinishedRunAndStartsTheMissingOnes() throws IOException {
        FakeRunner runner = new FakeRunner(SEARCH, EVALUATION);
        runner.crash = "crash-evaluate-1";
        assertThatThrownBy(() -> run(spec(4), runner)).hasMessageContaining("simulated crash of evaluate-1");

        FakeRunner second = new FakeRunner(SEARCH, EVALUATION);
        ConsistencyReport report = run(spec(4), second);
        assertThat(second.calls).containsExactly("resume-evaluate-1",
                "search-2 seed " + Seeds.forRun(2, 2), "evaluate-2 seed 0 genotype run-2",
                "search-3 seed " + Seeds.forRun(2, 3), "evaluate-3 seed 0 genotype run-3");
        assertThat(report.reused()).isEqualTo(3);
        assertThat(report.pairs()).extracting(ConsistencyPair::evaluationAccuracy).containsExactly(0.5, 0.7, 0.6, 0.8);
    }

    @Test
    void anInterruptedSearchIsResumedNotRestarted() throws IOException {
        FakeRunner runner = new FakeRunner(SEARCH, EVALUATION);
        runner.crash = "search-2";
        assertThatThrownBy(() -> run(spec(3), runner)).hasMessageContaining("simulated crash of search-2");
        assertThat(RunState.of(dir.resolve("exp/search/run-2"))).isEqualTo(RunState.UNFINISHED);

        FakeRunner second = new FakeRunner(SEARCH, EVALUATION);
        run(spec(3), second);
        assertThat(second.calls).containsExactly("resume-search-2", "evaluate-2 seed 0 genotype run-2");
    }

    @Test
    void aRunThatStoppedBeforeItsFirstCheckpointStartsAfresh() throws IOException {
        run(spec(1), new FakeRunner(SEARCH, EVALUATION));
        Path stale = dir.resolve("exp/search/run-1");
        Files.createDirectories(stale.resolve("checkpoints"));
        Files.writeString(stale.resolve("provenance.json"), "{}");
        Files.writeString(stale.resolve("config.yaml"), "epochs: 1\n");
        assertThat(RunState.of(stale)).isEqualTo(RunState.ABSENT);

        FakeRunner runner = new FakeRunner(SEARCH, EVALUATION);
        run(spec(2), runner);
        assertThat(runner.calls).containsExactly("search-1 seed " + Seeds.forRun(2, 1),
                "evaluate-1 seed 0 genotype run-1");
    }

    @Test
    void moreRunsExtendTheExperimentAndOtherSettingsAreRefused() throws IOException {
        run(spec(2), new FakeRunner(SEARCH, EVALUATION));
        FakeRunner runner = new FakeRunner(SEARCH, EVALUATION);
        ConsistencyReport report = run(spec(3), runner);
        assertThat(runner.calls).containsExactly("search-2 seed " + Seeds.forRun(2, 2),
                "evaluate-2 seed 0 genotype run-2");
        assertThat(report.pairs()).hasSize(3);

        assertThatThrownBy(() -> run(spec(3, List.of("epochs=5")), new FakeRunner(SEARCH, EVALUATION)))
                .hasMessageContaining("other settings").hasMessageContaining("searchOverrides was '', now 'epochs=5'");
    }

    @Test
    void refusesAFolderThatHoldsSomethingElse() throws IOException {
        Files.createDirectories(dir.resolve("exp"));
        Files.writeString(dir.resolve("exp/notes.txt"), "mine");
        assertThatThrownBy(() -> run(spec(1), new FakeRunner(SEARCH, EVALUATION)))
                .hasMessageContaining("not empty").hasMessageContaining("experiment.json");
    }

    @Test
    void onePairLeavesTheCorrelationUndefinedButWritesEverything() throws IOException {
        ConsistencyReport report = run(spec(1), new FakeRunner(SEARCH, EVALUATION));
        assertThat(report.headline().defined()).isFalse();
        assertThat(report.headline().undefined()).isEqualTo("kendall-b is undefined: it needs at least 2 pairs, got 1");
        assertThat(report.headline().toText()).isEqualTo(report.headline().undefined());
        assertThat(report.pairsCsv()).exists();
        assertThat(report.scatterPng()).exists();
        JsonNode summary = new ObjectMapper().readTree(report.summaryJson().toFile());
        assertThat(summary.get("value").isNull()).isTrue();
        assertThat(summary.get("undefined").asText()).contains("at least 2 pairs");
    }

    @Test
    void constantEvaluationAccuracyLeavesTauBAndRhoUndefinedButNotTauA() throws IOException {
        ConsistencyReport report = run(spec(3), new FakeRunner(SEARCH, new double[] {0.5, 0.5, 0.5}));
        assertThat(report.headline().undefined())
                .isEqualTo("kendall-b is undefined: the evaluation accuracies are all 0.5000, so there is no ranking"
                        + " to correlate (0/0)");
        assertThat(report.correlations().get(RankCorrelation.SPEARMAN).defined()).isFalse();
        // every pair is tied in y: neither concordant nor discordant, so tau-a = 0 / 3
        assertThat(report.correlations().get(RankCorrelation.KENDALL_A).value()).isZero();
        assertThat(report.scatterPng()).exists();
    }

    private static Map<String, FileTime> snapshot(Path... roots) throws IOException {
        Map<String, FileTime> times = new TreeMap<>();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    times.put(f.toString() + " " + Files.size(f), Files.getLastModifiedTime(f));
                }
            }
        }
        return times;
    }
}
