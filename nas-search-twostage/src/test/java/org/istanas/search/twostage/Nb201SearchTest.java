package org.istanas.search.twostage;

import org.istanas.search.toolkit.Nb201Codes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.istanas.api.config.ConfigLoader;
import org.istanas.api.run.ProgressListener;
import org.istanas.api.run.RunFolder;
import org.istanas.api.search.ArchitectureOracle;
import org.istanas.api.search.SearchContext;
import org.istanas.api.search.SearchOutcome;
import org.istanas.api.search.SearchStrategy;
import org.istanas.api.space.Architecture;
import org.istanas.api.space.SearchSpace;
import org.istanas.api.space.SpaceOperation;
import org.istanas.api.space.nb201.Nb201Cell;
import org.istanas.api.space.nb201.Nb201Space;
import org.istanas.api.network.NetworkEngine;
import org.istanas.ops.nb201.Nd4jNb201Networks;
import org.istanas.solvers.ista.FistaSolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** two-stage ISTA-NAS and DARTS searching the nas-bench-201 space end to end, on the real engine. */
final class Nb201SearchTest {
    private static final SearchSpace SPACE = new Nb201Space(new Nd4jNb201Networks());
    private static final List<String> TINY = List.of("layers=1", "channels=2", "batchSize=16", "trainImages=64",
            "epochs=2", "augment=false", "checkpointEverySteps=1", "keepCheckpoints=3", "loaderWorkers=1");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A second implementation of a table: CIFAR-10 = 10 per conv edge, CIFAR-100 = number of skips. */
    private static final ArchitectureOracle COUNTING = new ArchitectureOracle() {
        @Override
        public List<String> columns() {
            return List.of("benchmark_cifar10", "benchmark_cifar100");
        }

        @Override
        public Map<String, Double> lookup(Architecture architecture) {
            List<String> ops = ((Nb201Cell) architecture).ops();
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("benchmark_cifar10", 10.0 * ops.stream().filter(o -> o.startsWith("nor_conv")).count());
            values.put("benchmark_cifar100", (double) ops.stream().filter(o -> o.equals("skip_connect")).count());
            return values;
        }

        @Override
        public String source() {
            return "counting oracle";
        }
    };

    private static SearchContext context(SearchStrategy strategy, RunFolder folder, ProgressListener listener)
            throws IOException {
        Record config = (Record) ConfigLoader.load(strategy.configType(), strategy.preset("smoke", Nb201Cell.SPACE),
                null, TINY);
        List<SpaceOperation> ops = strategy.defaultOperations(SPACE).stream()
                .map(name -> new SpaceOperation(name, Nb201Cell.SPACE)).toList();
        return SearchContext.builder().config(config).dataset(TestRig.dataset()).solver(new FistaSolver())
                .operations(new ArrayList<>(ops)).runFolder(folder).seed(3).listener(listener).space(SPACE)
                .oracle(COUNTING).service(NetworkEngine.class, TestRig.engine()).build();
    }

    private SearchOutcome run(SearchStrategy strategy, String name) throws IOException {
        return strategy.search(context(strategy, RunFolder.create(dir.resolve(name)), ProgressListener.NONE));
    }

    /** The cell spelled by a metrics row's support columns {@code cell_n1..3} ({@code op@source+...}). */
    private static Nb201Cell cellOfRow(Map<String, String> row) {
        String[] ops = new String[6];
        for (int node = 1; node <= 3; node++) {
            for (String pick : row.get("cell_n" + node).split("\\+")) {
                String[] opAndSource = pick.split("@");
                ops[Nb201Cell.edge(Integer.parseInt(opAndSource[1]), node)] = opAndSource[0];
            }
        }
        return new Nb201Cell(Arrays.asList(ops));
    }

    private static List<Map<String, String>> rows(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        String[] header = lines.get(0).split(",");
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    @Test
    void twoStageFindsACellWithOneOpPerEdgeAndRecordsTheOracleEveryEpoch() throws IOException {
        SearchOutcome outcome = run(new TwoStageStrategy(), "a");
        Nb201Cell cell = (Nb201Cell) outcome.architecture();
        assertThat(cell.ops()).doesNotContain("none").hasSize(6);

        JsonNode file = JSON.readTree(outcome.runFolder().resolve("genotype.json").toFile());
        assertThat(file.get("space").asText()).isEqualTo("nas-bench-201");
        assertThat(file.get("arch").asText()).isEqualTo(cell.arch());
        assertThat(SPACE.parse(Files.readString(outcome.runFolder().resolve("genotype.json")), "genotype.json"))
                .isEqualTo(cell);

        List<Map<String, String>> rows = rows(outcome.runFolder().resolve("metrics.csv"));
        assertThat(rows).hasSize(2);
        for (Map<String, String> row : rows) {
            Map<String, Double> expected = COUNTING.lookup(cellOfRow(row));
            assertThat(Double.parseDouble(row.get("benchmark_cifar10"))).isEqualTo(expected.get("benchmark_cifar10"));
            assertThat(Double.parseDouble(row.get("benchmark_cifar100"))).isEqualTo(expected.get("benchmark_cifar100"));
        }
        assertThat(cellOfRow(rows.get(1))).isEqualTo(cell);
        // codes.csv: one column per (node, source, op) without none: 4 + 8 + 12
        assertThat(Files.readAllLines(outcome.runFolder().resolve("codes.csv")).get(0))
                .startsWith("epoch,cell_n1_in0_skip_connect,").contains("cell_n3_in2_avg_pool_3x3");
    }

    @Test
    void dartsPicksTheLargestSoftmaxWeightOfEveryEdgeNoneIncluded() throws IOException {
        SearchOutcome outcome = run(new DartsStrategy(), "d");
        Nb201Cell cell = (Nb201Cell) outcome.architecture();
        // independent projection from codes.csv's last row: softmax weights per (node, source, op), 5 ops per edge
        List<Map<String, String>> codes = rows(outcome.runFolder().resolve("codes.csv"));
        Map<String, String> last = codes.get(codes.size() - 1);
        List<String> ops = Nb201Cell.OPERATIONS;
        String[] expected = new String[6];
        for (int node = 1; node <= 3; node++) {
            for (int source = 0; source < node; source++) {
                String best = null;
                double bestWeight = -1;
                double sum = 0;
                for (String op : ops) {
                    double w = Double.parseDouble(last.get("cell_n" + node + "_in" + source + "_" + op));
                    sum += w;
                    if (w > bestWeight) {
                        bestWeight = w;
                        best = op;
                    }
                }
                assertThat(sum).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
                expected[Nb201Cell.edge(source, node)] = best;
            }
        }
        assertThat(cell).isEqualTo(new Nb201Cell(Arrays.asList(expected)));
        assertThat(JSON.readTree(outcome.runFolder().resolve("genotype.json").toFile()).get("arch").asText())
                .isEqualTo(cell.arch());
    }

    @Test
    void sameSeedSameRunAndAKilledRunResumesToItForBothStrategies() throws IOException {
        for (SearchStrategy strategy : List.of(new TwoStageStrategy(), new DartsStrategy())) {
            SearchOutcome a = run(strategy, strategy.name() + "-a");
            SearchOutcome b = run(strategy, strategy.name() + "-b");
            assertThat(b.architecture()).isEqualTo(a.architecture());
            assertThat(TestRig.metricsWithoutTime(b.runFolder())).isEqualTo(TestRig.metricsWithoutTime(a.runFolder()));

            RunFolder folder = RunFolder.create(dir.resolve(strategy.name() + "-killed"));
            ProgressListener killer = new ProgressListener() {
                @Override
                public void checkpointSaved(Path file, int epoch, int step) {
                    if (epoch == 0 && step == 1) {
                        throw new IllegalStateException("simulated kill -9");
                    }
                }
            };
            assertThatThrownBy(() -> strategy.search(context(strategy, folder, killer)))
                    .hasMessage("simulated kill -9");
            assertThat(folder.genotype()).doesNotExist();
            SearchOutcome resumed = strategy.resume(context(strategy, folder, ProgressListener.NONE));
            assertThat(resumed.architecture()).as(strategy.name()).isEqualTo(a.architecture());
            assertThat(TestRig.metricsWithoutTime(folder.root())).isEqualTo(TestRig.metricsWithoutTime(a.runFolder()));
            assertThat(Files.readAllLines(folder.codes()))
                    .isEqualTo(Files.readAllLines(a.runFolder().resolve("codes.csv")));
        }
    }

    @Test
    void noneIsRefusedAsATwoStageCandidateAndThePresetsAreTheSpacesOwn() throws IOException {
        TwoStageStrategy twoStage = new TwoStageStrategy();
        assertThat(twoStage.defaultOperations(SPACE)).containsExactly("skip_connect", "nor_conv_1x1", "nor_conv_3x3",
                "avg_pool_3x3");
        assertThat(new DartsStrategy().defaultOperations(SPACE)).isEqualTo(Nb201Cell.OPERATIONS);
        assertThat(twoStage.spaces()).containsExactly("darts", "nas-bench-201");
        assertThatThrownBy(() -> new Nb201Codes(List.of(new SpaceOperation("none", Nb201Cell.SPACE),
                new SpaceOperation("skip_connect", Nb201Cell.SPACE))))
                .hasMessageContaining("'none' is not a candidate").hasMessageContaining("--operations skip_connect");
        // the official NB201 one-shot recipe, and a smoke size of the same macro network
        Map<String, Object> paper = twoStage.preset("paper", Nb201Cell.SPACE);
        assertThat(paper).containsEntry("layers", 5).containsEntry("channels", 16).containsEntry("batchSize", 64)
                .containsEntry("learningRate", 0.025).containsEntry("weightDecay", 5e-4)
                .containsEntry("archLearningRate", 3e-4);
        assertThat(twoStage.preset("paper")).containsEntry("layers", 8).containsEntry("learningRate", 0.2);
        assertThat(twoStage.preset("smoke", Nb201Cell.SPACE)).containsEntry("layers", 1);
        assertThatThrownBy(() -> twoStage.preset("demo", Nb201Cell.SPACE))
                .hasMessageContaining("unknown preset 'demo'").hasMessageContaining("[paper, cpu, smoke]");
    }
}
