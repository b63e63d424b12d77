package org.istanas.search.onestage;

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
import org.istanas.api.UsageException;
import org.istanas.api.config.ConfigLoader;
import org.istanas.api.data.ImageDataset;
import org.istanas.api.genotype.CellType;
import org.istanas.api.network.NetworkEngine;
import org.istanas.api.op.CandidateOperation;
import org.istanas.api.run.ProgressListener;
import org.istanas.api.run.RunFolder;
import org.istanas.api.search.ArchitectureOracle;
import org.istanas.api.search.SearchContext;
import org.istanas.api.search.SearchOutcome;
import org.istanas.api.space.Architecture;
import org.istanas.api.space.SearchSpace;
import org.istanas.api.space.SpaceOperation;
import org.istanas.api.space.nb201.Nb201Cell;
import org.istanas.api.space.nb201.Nb201Space;
import org.istanas.ops.engine.Nd4jEngine;
import org.istanas.ops.nb201.Nd4jNb201Networks;
import org.istanas.ops.nb201.Nd4jNb201OneStageNetwork;
import org.istanas.search.toolkit.training.TrainingLoop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One-stage ISTA-NAS searching the nas-bench-201 space, on the real engine. */
final class Nb201OneStageSearchTest {
    private static final SearchSpace SPACE = new Nb201Space(new Nd4jNb201Networks());
    /** 64 images in 4 batches of 16, 2 search + 1 retrain epochs of a C = 2, N = 1 network. */
    private static final List<String> TINY = List.of("layers=1", "channels=2", "batchSize=16", "trainImages=64",
            "testImages=32", "maxSearchEpochs=2", "retrainEpochs=1", "augment=false", "checkpointEverySteps=1",
            "keepCheckpoints=3");
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

    private static OneStageConfig config(String... extra) {
        List<String> overrides = new ArrayList<>(TINY);
        overrides.addAll(List.of(extra));
        return ConfigLoader.load(OneStageConfig.class, new OneStageStrategy().preset("smoke", Nb201Cell.SPACE), null,
                overrides);
    }

    private static List<CandidateOperation> operations() {
        return new ArrayList<>(new OneStageStrategy().defaultOperations(SPACE).stream()
                .map(name -> new SpaceOperation(name, Nb201Cell.SPACE)).toList());
    }

    private static SearchContext context(OneStageConfig config, RunFolder folder, ProgressListener listener)
            throws IOException {
        return SearchContext.builder().config(config).dataset(Harness.dataset()).solver(Harness.fista())
                .operations(operations()).runFolder(folder).seed(3).listener(listener).space(SPACE)
                .oracle(COUNTING).service(NetworkEngine.class, new Nd4jEngine()).build();
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
    void everyEdgeComputesOneOpAtEveryStepAndFrozenNodesAreReleased() throws IOException {
        OneStageConfig config = config("maxSearchEpochs=3", "epsilon=1e9"); // every node stops after epoch 1
        ImageDataset data = Harness.dataset();
        List<String> problems = new ArrayList<>();
        int[] steps = {0};
        try (OneStageJob job = new OneStageJob(config, data, new Nb201OneStage(config, data, operations(), SPACE, 3),
                Harness.fista(), new Nd4jEngine(), 3, ProgressListener.NONE)) {
            ProgressListener probe = new ProgressListener() {
                @Override
                public void stepFinished(int epoch, int step, int stepsPerEpoch, double loss, double accuracy) {
                    steps[0]++;
                    int[][] counts = job.network().computedOperations();
                    for (int c = 0; c < counts.length; c++) {
                        for (int j = 0; j < 3; j++) {
                            int[] support = job.state().support(new NodeRef(CellType.NORMAL, j));
                            long sources = Arrays.stream(support).map(k -> k / 4).distinct().count();
                            if (counts[c][j] != j + 1 || sources != j + 1) {
                                problems.add("epoch " + epoch + " step " + step + " cell " + c + " node " + (j + 1)
                                        + ": " + counts[c][j] + " ops from " + sources + " sources");
                            }
                        }
                    }
                }
            };
            new TrainingLoop(Harness.folder(dir.resolve("run")), probe, 0, 2).run(job, false);
            assertThat(job.searchEpochs()).as("flagged after epoch 1, frozen in epoch 2, which ends the search")
                    .isEqualTo(2);
            assertThat(job.state().searching()).isEmpty();
            Nd4jNb201OneStageNetwork net = (Nd4jNb201OneStageNetwork) job.network();
            for (int j = 0; j < 3; j++) {
                assertThat(net.frozen(j)).as("b of node %d frozen", j + 1).isTrue();
                assertThat(net.released(j)).as("BNs of node %d released", j + 1).isTrue();
            }
        }
        assertThat(steps[0]).isEqualTo(3 * 4);
        assertThat(problems).isEmpty();
    }

    @Test
    void searchWritesTheSpacesFilesTheOracleColumnsAndAFoldedModel() throws IOException {
        RunFolder folder = Harness.folder(dir.resolve("search"));
        List<String> messages = new ArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void message(String text) {
                messages.add(text);
            }
        };
        SearchOutcome outcome = new OneStageStrategy().search(context(config(), folder, listener));
        Nb201Cell cell = (Nb201Cell) outcome.architecture();
        assertThat(cell.ops()).doesNotContain("none").hasSize(6);

        JsonNode file = JSON.readTree(folder.genotype().toFile());
        assertThat(file.get("space").asText()).isEqualTo("nas-bench-201");
        assertThat(SPACE.parse(Files.readString(folder.genotype()), "genotype.json")).isEqualTo(cell);
        assertThat(SPACE.parse(Files.readString(folder.file(FoldedModel.FOLDER).resolve(RunFolder.GENOTYPE)),
                "model/genotype.json")).isEqualTo(cell);
        assertThat(folder.file(FoldedModel.FOLDER).resolve("model.bin")).isNotEmptyFile();

        List<Map<String, String>> rows = rows(folder.metrics());
        assertThat(rows).hasSize(3);
        assertThat(List.copyOf(rows.get(0).keySet())).containsSubsequence("test_acc", "benchmark_cifar10",
                "benchmark_cifar100", "searching", "cell_n1", "cell_n2", "cell_n3");
        for (Map<String, String> row : rows) {
            Nb201Cell rowCell = cellOfRow(row);
            assertThat(Double.parseDouble(row.get("benchmark_cifar10")))
                    .isEqualTo(COUNTING.lookup(rowCell).get("benchmark_cifar10"));
        }
        assertThat(cellOfRow(rows.get(2))).isEqualTo(cell);
        assertThat(messages).contains("benchmark counting oracle: cifar10 "
                + String.format(java.util.Locale.ROOT, "%.2f %%", COUNTING.lookup(cell).get("benchmark_cifar10"))
                + ", cifar100 " + String.format(java.util.Locale.ROOT, "%.2f %%",
                COUNTING.lookup(cell).get("benchmark_cifar100")));

        JsonNode result = JSON.readTree(folder.result().toFile());
        assertThat(result.get("maxAbsLogitDiff").asDouble()).isBetween(0.0, 1e-3);
        assertThat(result.get("genotype").get("arch").asText()).isEqualTo(cell.arch());
        assertThat(result.get("terminatedNodes").asInt()).isBetween(0, 3);
        List<String> codes = Files.readAllLines(folder.codes());
        assertThat(codes.get(0)).contains(",cell_n1_in0_skip_connect,").contains("cell_n3_in2_avg_pool_3x3")
                .contains("cell_n3_iterations");
    }

    @Test
    void dartsOnlyKeysAreRefusedBeforeTraining() {
        assertThatThrownBy(() -> new Nb201OneStage(config("parameterCap=3700000", "auxiliaryWeight=0.4"),
                Harness.dataset(), operations(), SPACE, 0)).isInstanceOf(UsageException.class)
                .hasMessage("one-stage on nas-bench-201 does not take parameterCap 3700000 (the cap is for darts "
                        + "cells; set 0), auxiliaryWeight 0.4 (the network has no auxiliary head; set 0)");
        List<CandidateOperation> withNone = new ArrayList<>(operations());
        withNone.add(0, new SpaceOperation("none", Nb201Cell.SPACE));
        assertThatThrownBy(() -> new Nb201OneStage(config(), Harness.dataset(), withNone, SPACE, 0))
                .hasMessageContaining("'none' is not a candidate");
    }

    @Test
    void presetsOfTheSpace() {
        OneStageStrategy strategy = new OneStageStrategy();
        assertThat(strategy.spaces()).containsExactly("darts", "nas-bench-201");
        assertThat(strategy.defaultOperations(SPACE)).containsExactly("skip_connect", "nor_conv_1x1",
                "nor_conv_3x3", "avg_pool_3x3");
        Map<String, Object> paper = strategy.preset("paper", Nb201Cell.SPACE);
        assertThat(paper).containsEntry("layers", 5).containsEntry("channels", 16).containsEntry("batchSize", 256)
                .containsEntry("retrainEpochs", 200).containsEntry("weightDecay", 5e-4)
                .containsEntry("parameterCap", 0L);
        Nb201OneStage.check(ConfigLoader.load(OneStageConfig.class, paper, null, List.of()));
        for (String name : List.of("cpu", "smoke")) {
            Nb201OneStage.check(ConfigLoader.load(OneStageConfig.class, strategy.preset(name, Nb201Cell.SPACE), null,
                    List.of()));
        }
        assertThat(strategy.preset("cpu", Nb201Cell.SPACE)).containsEntry("trainImages", 10000);
        assertThat(strategy.preset("paper")).as("darts unchanged").containsEntry("layers", 20);
        assertThatThrownBy(() -> strategy.preset("imagenet", Nb201Cell.SPACE))
                .hasMessageStartingWith("unknown preset 'imagenet' for strategy one-stage on nas-bench-201; known: "
                        + "[paper, cpu, smoke]");
    }
}
