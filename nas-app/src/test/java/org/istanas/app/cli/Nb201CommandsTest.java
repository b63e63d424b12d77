package org.istanas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.istanas.api.space.nb201.Nb201Cell;
import org.istanas.api.space.nb201.Nb201Index;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nas-bench-201 space and benchmark table on the command line. */
final class Nb201CommandsTest {
    private static final String BEST = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|"
            + "nor_conv_3x3~1|nor_conv_3x3~2|";
    private static final String RESNET = "|nor_conv_3x3~0|+|none~0|nor_conv_3x3~1|+|skip_connect~0|none~1|skip_connect~2|";

    @TempDir
    Path dir;

    /** CIFAR-10 = 40 + 9 per 3x3 edge + 2 per 1x1 edge + index / 10^5 (no ties); the other two are scaled. */
    private static double cifar10(int index) {
        Nb201Cell cell = Nb201Index.cellAt(index);
        double acc = 40 + index / 1e5;
        for (String op : cell.ops()) {
            acc += op.equals("nor_conv_3x3") ? 9 : op.equals("nor_conv_1x1") ? 2 : 0;
        }
        return acc;
    }

    private Path table() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("CIFAR10TestAccuracy200Epochs,CIFAR100TestAccuracy200Epochs,ImageNetTestAccuracy200Epochs,"
                + "ArchitectureString,UniqueString");
        for (int i = 0; i < Nb201Index.CELLS; i++) {
            double c10 = cifar10(i);
            lines.add(String.format(Locale.ROOT, "%.5f,%.5f,%.5f,%s,x", c10, c10 - 20, c10 / 2,
                    Nb201Index.cellAt(i).arch()));
        }
        return Files.write(dir.resolve("nb201.csv"), lines, StandardCharsets.UTF_8);
    }

    @Test
    void lookupPrintsIndexAndAccuracies() throws IOException {
        Path table = table();
        MainTest.Result result = MainTest.run("benchmark", "lookup", "--table", table.toString(), RESNET, BEST);
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains(String.format(Locale.ROOT, "11472\t%.2f\t%.2f\t%.2f\t%s", cifar10(11472),
                cifar10(11472) - 20, cifar10(11472) / 2, RESNET)).contains("1462\t");

        MainTest.Result bad = MainTest.run("benchmark", "lookup", "--table", table.toString(), "|none~0|");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).startsWith("istanas: '|none~0|': '|none~0|' has 1 node groups");
    }

    @Test
    void statsPlaceTheAllConvCellFirst() throws IOException {
        Path table = table();
        MainTest.Result result = MainTest.run("benchmark", "stats", "--table", table.toString(), "--arch", BEST);
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("cifar10    best " + String.format(Locale.ROOT, "%.2f", cifar10(1462))
                + " (index 1462, " + BEST + ")").contains("rank 1 of 15625  percentile 100.00");
    }

    @Test
    void tableSearchesRunAndAreSeeded() throws IOException {
        Path table = table();
        MainTest.Result rea = MainTest.run("benchmark", "search", "--table", table.toString(), "--method", "evolution",
                "--budget", "400", "--seed", "3");
        assertThat(rea.exitCode()).as(rea.err()).isZero();
        assertThat(rea.out()).contains("best cell: ");
        assertThat(MainTest.run("benchmark", "search", "--table", table.toString(), "--method", "evolution",
                "--budget", "400", "--seed", "3").out()).isEqualTo(rea.out());
        MainTest.Result random = MainTest.run("benchmark", "search", "--table", table.toString(), "--method", "random",
                "--budget", "15625");
        assertThat(random.out()).contains("best cell: " + BEST + " (index 1462)");
        MainTest.Result unknown = MainTest.run("benchmark", "search", "--table", table.toString(), "--method", "bohb",
                "--budget", "5");
        assertThat(unknown.err()).isEqualTo("istanas: --method must be random or evolution, got 'bohb'\n");
    }

    @Test
    void genotypeShowRendersNb201Cells() throws IOException {
        MainTest.Result text = MainTest.run("genotype", "show", RESNET);
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("node 3 = skip_connect(node 0) + none(node 1) + skip_connect(node 2)");
        MainTest.Result json = MainTest.run("genotype", "show", "--space", "nas-bench-201", RESNET, "--json");
        assertThat(json.out().strip()).isEqualTo("{\"space\": \"nas-bench-201\", \"arch\": \"" + RESNET + "\"}");
        Path file = Files.writeString(dir.resolve("genotype.json"), json.out());
        assertThat(MainTest.run("genotype", "show", file.toString(), "--dot").out()).contains("digraph nb201");
        MainTest.Result wrongSpace = MainTest.run("genotype", "show", "--space", "darts", file.toString());
        assertThat(wrongSpace.err()).contains("a nas-bench-201 genotype, but --space is darts");
        MainTest.Result unknown = MainTest.run("genotype", "show", "--space", "nb101", RESNET);
        assertThat(unknown.err()).isEqualTo("istanas: unknown space 'nb101'; known: [darts, nas-bench-201]\n");
    }

    @Test
    void paramsCountsTheNb201Network() {
        MainTest.Result resnet = MainTest.run("params", "--genotype", RESNET);
        assertThat(resnet.exitCode()).as(resnet.err()).isZero();
        assertThat(resnet.out()).endsWith("\n559386\n");
        MainTest.Result c100 = MainTest.run("params", "--space", "nas-bench-201", "--genotype", BEST, "--classes", "100");
        assertThat(c100.out()).endsWith("\n1537396\n");
        MainTest.Result wrong = MainTest.run("params", "--genotype", RESNET, "--channels", "36");
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.err()).contains("only --classes applies");
    }

    /** A tiny stand-alone NB201 training on the synthetic dataset. */
    private MainTest.Result evaluate(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("evaluate", "--genotype", RESNET, "--preset", "smoke",
                "--dataset", "synthetic", "--dataset-option", "trainSize=64", "--dataset-option", "testSize=32",
                "--set", "channels=4", "--set", "trainImages=64", "--set", "testImages=32", "--set", "batchSize=16",
                "--seed", "5", "--out", out.toString(), "--quiet"));
        args.addAll(List.of(extra));
        return MainTest.run(args.toArray(String[]::new));
    }

    @Test
    void evaluateTrainsAnNb201CellAndAResumedRunEqualsAnUninterruptedOne() throws IOException {
        Path whole = dir.resolve("whole");
        MainTest.Result r = evaluate(whole, "--set", "epochs=2");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("test accuracy:");
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var genotype = json.readTree(whole.resolve("genotype.json").toFile());
        assertThat(genotype.get("space").asText()).isEqualTo("nas-bench-201");
        assertThat(genotype.get("arch").asText()).isEqualTo(RESNET);
        assertThat(json.readTree(whole.resolve("provenance.json").toFile()).path("invocation").path("space").asText())
                .isEqualTo("nas-bench-201");
        assertThat(Files.readAllLines(whole.resolve("metrics.csv"))).hasSize(3);

        // one epoch, then resumed to two: the cosine of an NB201 run is at its maximum in epoch 0 whatever the
        // length, so the resumed run must repeat the uninterrupted one exactly
        Path part = dir.resolve("part");
        assertThat(evaluate(part, "--set", "epochs=1").exitCode()).isZero();
        MainTest.Result resumed = MainTest.run("resume", "--run", part.toString(), "--set", "epochs=2", "--quiet");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(withoutSeconds(part.resolve("metrics.csv"))).isEqualTo(withoutSeconds(whole.resolve("metrics.csv")));
        double accuracy = json.readTree(whole.resolve("result.json").toFile()).get("testAccuracy").asDouble();
        assertThat(json.readTree(part.resolve("result.json").toFile()).get("testAccuracy").asDouble())
                .isEqualTo(accuracy);

        MainTest.Result reloaded = MainTest.run("evaluate", "--test-only", "--run", whole.toString());
        assertThat(reloaded.exitCode()).as(reloaded.err()).isZero();
        assertThat(reloaded.out()).contains(String.format(Locale.ROOT, "test accuracy of the saved model: %.4f",
                accuracy));
        MainTest.Result export = MainTest.run("export", "--run", whole.toString(), "--out",
                dir.resolve("m.zip").toString());
        assertThat(export.exitCode()).isEqualTo(2);
        assertThat(export.err()).contains("a nas-bench-201 network; export writes DARTS target networks only");
    }

    /** metrics.csv without its last column, the wall-clock seconds of each epoch. */
    private static List<String> withoutSeconds(Path metrics) throws IOException {
        List<String> rows = new ArrayList<>();
        for (String line : Files.readAllLines(metrics)) {
            assertThat(line).as(metrics.toString()).matches(".*,(seconds|[0-9.]+)");
            rows.add(line.substring(0, line.lastIndexOf(',')));
        }
        return rows;
    }

    @Test
    void evaluateTrainsTheBenchmarksOwnNetworkWithItsParameterCountAndShowsTheTablesAccuracies() throws IOException {
        // the reference's figure for the ResNet-like cell at C = 16, N = 5, 10 classes
        MainTest.Result r = evaluate(dir.resolve("paper-size"), "--set", "channels=16", "--set", "layers=5",
                "--set", "epochs=1", "--set", "trainImages=16", "--set", "testImages=16",
                "--benchmark", table().toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("parameters:    559386").contains(String.format(Locale.ROOT,
                "benchmark (200-epoch test accuracy): cifar10 %.2f %%, cifar100 %.2f %%, imagenet16 %.2f %%",
                cifar10(11472), cifar10(11472) - 20, cifar10(11472) / 2));
        MainTest.Result darts = MainTest.run("evaluate", "--genotype", "DARTS_V2", "--benchmark", table().toString(),
                "--out", dir.resolve("darts").toString());
        assertThat(darts.exitCode()).isEqualTo(2);
        assertThat(darts.err()).contains("the table holds nas-bench-201 cells");
        assertThat(dir.resolve("darts")).doesNotExist();
    }

    @Test
    void evaluateRefusesWhatTheNb201NetworkDoesNotHaveBeforeMakingAFolder() {
        for (String key : List.of("dropPath=0.2", "auxiliaryWeight=0.4", "network=imagenet")) {
            Path out = dir.resolve("bad-" + key.substring(0, key.indexOf('=')));
            MainTest.Result r = evaluate(out, "--set", key);
            assertThat(r.exitCode()).as(key).isEqualTo(1);
            assertThat(r.err()).as(key).contains(key.substring(0, key.indexOf('=')) + " must be ")
                    .contains("to train a nas-bench-201 architecture");
            assertThat(out).as(key).doesNotExist();
        }
        MainTest.Result wrongSpace = MainTest.run("evaluate", "--space", "darts", "--genotype", RESNET);
        assertThat(wrongSpace.exitCode()).isEqualTo(2);
    }

    /** A tiny search of the nas-bench-201 space on the synthetic dataset. */
    private static final String[] TINY = {"--preset", "smoke", "--set", "layers=1", "--set", "channels=2", "--set",
            "batchSize=16", "--set", "trainImages=64", "--set", "epochs=2", "--set", "augment=false"};

    private MainTest.Result search(String strategy, Path table, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("search", "--strategy", strategy, "--space", "nas-bench-201",
                "--benchmark", table.toString(), "--out", out.toString()));
        args.addAll(List.of(TINY));
        args.addAll(List.of(extra));
        return MainTest.run(args.toArray(String[]::new));
    }

    @Test
    void searchesOfTheNb201SpaceRecordTheTablesAccuraciesOfTheirCellEveryEpoch() throws IOException {
        Path table = table();
        for (String strategy : List.of("two-stage", "darts")) {
            Path out = dir.resolve(strategy);
            MainTest.Result result = search(strategy, table, out);
            assertThat(result.exitCode()).as(result.err()).isZero();
            String arch = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("genotype.json")
                    .toFile()).get("arch").asText();
            int index = Nb201Index.indexOf(Nb201Cell.parse(arch));
            assertThat(result.out()).contains(String.format(Locale.ROOT, "cifar10 %.2f %%, cifar100 %.2f %%, "
                    + "imagenet16 %.2f %%", cifar10(index), cifar10(index) - 20, cifar10(index) / 2));
            List<String> metrics = Files.readAllLines(out.resolve("metrics.csv"));
            List<String> header = List.of(metrics.get(0).split(","));
            assertThat(header).containsSubsequence("valid_acc", "benchmark_cifar10", "benchmark_cifar100",
                    "benchmark_imagenet16", "cell_n1", "cell_n2", "cell_n3");
            String[] last = metrics.get(metrics.size() - 1).split(",");
            assertThat(Double.parseDouble(last[header.indexOf("benchmark_cifar10")]))
                    .isCloseTo(cifar10(index), org.assertj.core.api.Assertions.within(1e-9));
            assertThat(Double.parseDouble(last[header.indexOf("benchmark_imagenet16")]))
                    .isCloseTo(cifar10(index) / 2, org.assertj.core.api.Assertions.within(1e-5));
            String provenance = Files.readString(out.resolve("provenance.json"));
            assertThat(provenance).contains("\"space\" : \"nas-bench-201\"")
                    .contains("\"benchmark\" : \"" + table.toAbsolutePath() + "\"")
                    .contains(strategy.equals("darts") ? "\"operations\" : \"none,skip_connect,"
                            : "\"operations\" : \"skip_connect,nor_conv_1x1,nor_conv_3x3,avg_pool_3x3\"");
        }
    }

    /** A tiny one-stage search: 64 images in batches of 16, C = 2, N = 1, 2 search + 1 retrain epochs. */
    private static final String[] ONE_STAGE_TINY = {"--preset", "smoke", "--set", "layers=1", "--set", "channels=2",
            "--set", "batchSize=16", "--set", "trainImages=64", "--set", "testImages=32", "--set", "maxSearchEpochs=2",
            "--set", "retrainEpochs=1", "--set", "augment=false", "--set", "checkpointEverySteps=1", "--set",
            "keepCheckpoints=100", "--seed", "5"};

    private static List<String> withoutLastColumn(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList();
    }

    @Test
    void oneStageSearchesTheNb201SpaceRecordsTheTableAndResumesExactly() throws IOException {
        Path table = table();
        Path out = dir.resolve("one-stage");
        List<String> args = new ArrayList<>(List.of("search", "--strategy", "one-stage", "--space", "nas-bench-201",
                "--benchmark", table.toString(), "--out", out.toString()));
        args.addAll(List.of(ONE_STAGE_TINY));
        MainTest.Result result = MainTest.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.err()).isZero();

        com.fasterxml.jackson.databind.JsonNode genotype = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.resolve("genotype.json").toFile());
        assertThat(genotype.get("space").asText()).isEqualTo("nas-bench-201");
        Nb201Cell cell = Nb201Cell.parse(genotype.get("arch").asText());
        assertThat(cell.ops()).doesNotContain("none");
        int index = Nb201Index.indexOf(cell);
        assertThat(result.out()).contains(String.format(Locale.ROOT, "cifar10 %.2f %%, cifar100 %.2f %%, "
                + "imagenet16 %.2f %%", cifar10(index), cifar10(index) - 20, cifar10(index) / 2));
        List<String> metrics = Files.readAllLines(out.resolve("metrics.csv"));
        assertThat(metrics).hasSize(4);
        List<String> header = List.of(metrics.get(0).split(","));
        assertThat(header).containsSubsequence("test_acc", "benchmark_cifar10", "benchmark_cifar100",
                "benchmark_imagenet16", "searching", "cell_n1", "cell_n2", "cell_n3");
        String[] last = metrics.get(metrics.size() - 1).split(",");
        assertThat(Double.parseDouble(last[header.indexOf("benchmark_cifar10")]))
                .isCloseTo(cifar10(index), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(Files.readString(out.resolve("provenance.json"))).contains("\"space\" : \"nas-bench-201\"")
                .contains("\"operations\" : \"skip_connect,nor_conv_1x1,nor_conv_3x3,avg_pool_3x3\"");
        assertThat(out.resolve("model").resolve("model.bin")).isNotEmptyFile();

        // a kill in the second epoch: the run's folder with its newer checkpoints and final outputs gone
        Path killed = dir.resolve("killed");
        try (var walk = Files.walk(out)) {
            for (Path from : walk.toList()) {
                Files.copy(from, killed.resolve(out.relativize(from).toString()));
            }
        }
        List<Path> checkpoints;
        try (var files = Files.list(killed.resolve("checkpoints"))) {
            checkpoints = files.sorted().toList();
        }
        int keep = checkpoints.size() / 2;
        assertThat(checkpoints.get(keep - 1).getFileName().toString()).startsWith("ckpt-e00001-");
        for (Path later : checkpoints.subList(keep, checkpoints.size())) {
            Files.delete(later);
        }
        for (String output : List.of("genotype.json", "result.json", "model/model.bin")) {
            Files.delete(killed.resolve(output));
        }
        MainTest.Result resumed = MainTest.run("resume", "--run", killed.toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(withoutLastColumn(killed.resolve("metrics.csv"))).isEqualTo(withoutLastColumn(out.resolve(
                "metrics.csv")));
        assertThat(Files.readAllLines(killed.resolve("codes.csv"))).isEqualTo(Files.readAllLines(out.resolve(
                "codes.csv")));
        assertThat(Files.readString(killed.resolve("genotype.json"))).isEqualTo(Files.readString(out.resolve(
                "genotype.json")));
        assertThat(Files.readAllBytes(killed.resolve("model/model.bin"))).isEqualTo(Files.readAllBytes(
                out.resolve("model/model.bin")));
    }

    /** Kendall tau-b by its O(n^2) definition, independent of nas-metrics' O(n log n) one. */
    private static double naiveTauB(double[] x, double[] y) {
        long concordant = 0;
        long discordant = 0;
        long tiesX = 0;
        long tiesY = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = i + 1; j < x.length; j++) {
                double dx = Math.signum(x[i] - x[j]);
                double dy = Math.signum(y[i] - y[j]);
                if (dx == 0 && dy == 0) {
                    continue;
                } else if (dx == 0) {
                    tiesX++;
                } else if (dy == 0) {
                    tiesY++;
                } else if (dx == dy) {
                    concordant++;
                } else {
                    discordant++;
                }
            }
        }
        return (concordant - discordant) / Math.sqrt((double) (concordant + discordant + tiesX)
                * (concordant + discordant + tiesY));
    }

    @Test
    void supernetRankScoresSampledCellsWithTheTrainedSuperNetAndCorrelatesThemWithTheTable() throws IOException {
        Path table = table();
        Path run = dir.resolve("run");
        assertThat(search("two-stage", table, run).exitCode()).isZero();
        List<String> checkpoints = new ArrayList<>();
        try (var files = Files.list(run.resolve("checkpoints"))) {
            files.forEach(f -> checkpoints.add(f.getFileName().toString()));
        }
        MainTest.Result result = MainTest.run("supernet-rank", "--run", run.toString(), "--benchmark",
                table.toString(), "--sample", "12", "--seed", "4", "-q");
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = Files.readAllLines(run.resolve("supernet-rank/pairs.csv"));
        assertThat(lines.get(0)).isEqualTo("index,arch,supernet_acc,benchmark_cifar10");
        assertThat(lines).hasSize(13);
        java.util.Set<Integer> indices = new java.util.HashSet<>();
        double[] superNet = new double[12];
        double[] truth = new double[12];
        for (int i = 0; i < 12; i++) {
            String[] cells = lines.get(i + 1).split(",");
            int index = Integer.parseInt(cells[0]);
            indices.add(index);
            assertThat(cells[1]).isEqualTo(Nb201Index.cellAt(index).arch());
            superNet[i] = Double.parseDouble(cells[2]);
            truth[i] = Double.parseDouble(cells[3]);
            assertThat(truth[i]).isCloseTo(cifar10(index), org.assertj.core.api.Assertions.within(1e-9));
            assertThat(superNet[i]).isBetween(0.0, 1.0);
        }
        assertThat(indices).hasSize(12);
        assertThat(result.out()).contains(String.format(Locale.ROOT, "Kendall tau-b %.4f", naiveTauB(superNet, truth)))
                .contains("12 cells scored by the super-net of " + run);
        assertThat(run.resolve("supernet-rank/scatter.png")).isNotEmptyFile();
        try (var files = Files.list(run.resolve("checkpoints"))) {
            assertThat(files.map(f -> f.getFileName().toString()).toList())
                    .as("the run is read, not changed").containsExactlyInAnyOrderElementsOf(checkpoints);
        }
        MainTest.Result again = MainTest.run("supernet-rank", "--run", run.toString(), "--benchmark",
                table.toString(), "--sample", "12", "--seed", "4", "-q", "--out", dir.resolve("again").toString());
        assertThat(Files.readAllLines(dir.resolve("again/pairs.csv"))).as("same seed, same cells and scores")
                .isEqualTo(lines);

        MainTest.Result bad = MainTest.run("supernet-rank", "--run", run.toString(), "--benchmark",
                table.toString(), "--bn", "fresh");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).startsWith("istanas: --bn must be batch or running, got 'fresh'");
    }

    @Test
    void aBadBenchmarkIsRefusedBeforeAnythingIsCreated() throws IOException {
        Path table = table();
        List<String> lines = new ArrayList<>(Files.readAllLines(table));
        lines.set(12, lines.get(12).replaceFirst("^[^,]*", "ninety"));
        Path bad = Files.write(dir.resolve("bad.csv"), lines);
        MainTest.Result result = search("two-stage", bad, dir.resolve("bad"));
        assertThat(result.exitCode()).as("bad file contents are a failure, not a usage error").isEqualTo(1);
        assertThat(result.err()).startsWith("istanas: " + bad + ": line 13, column 1 (CIFAR10TestAccuracy200Epochs): "
                + "'ninety' is not a number");
        assertThat(dir.resolve("bad")).doesNotExist();

        MainTest.Result darts = MainTest.run("search", "--benchmark", table.toString(), "--preset", "smoke", "--out",
                dir.resolve("darts-space").toString());
        assertThat(darts.exitCode()).isEqualTo(2);
        assertThat(darts.err()).isEqualTo("istanas: --benchmark " + table + ": the table holds nas-bench-201 cells, "
                + "but the search space is darts (add --space nas-bench-201)\n");
        assertThat(dir.resolve("darts-space")).doesNotExist();
    }

    @Test
    void searchNamesItsSpaceAndOperations() {
        MainTest.Result none = MainTest.run("search", "--strategy", "one-stage", "--space", "nas-bench-201",
                "--operations", "none,nor_conv_3x3", "--preset", "smoke", "--out", dir.resolve("nb").toString());
        assertThat(none.exitCode()).as("the operations are a usage error").isEqualTo(2);
        assertThat(none.err()).startsWith("istanas: 'none' is not a candidate of ISTA-NAS on nas-bench-201 (one op "
                + "on every edge, docs/spaces.md); give the operations without it, e.g. --operations nor_conv_3x3");
        MainTest.Result op = MainTest.run("search", "--operations", "max_pool_3x3,conv_7x7", "--preset", "smoke",
                "--out", dir.resolve("op").toString());
        assertThat(op.exitCode()).as("an unknown name is a usage error").isEqualTo(2);
        assertThat(op.err()).startsWith("istanas: operations of the darts search: unknown operation 'conv_7x7'; known: [");
        MainTest.Result nb201Op = MainTest.run("search", "--space", "nas-bench-201", "--operations",
                "nor_conv_3x3,sep_conv_3x3", "--preset", "smoke", "--out", dir.resolve("op2").toString());
        assertThat(nb201Op.exitCode()).isEqualTo(2);
        assertThat(nb201Op.err()).isEqualTo("istanas: operations of the nas-bench-201 search: unknown operation "
                + "'sep_conv_3x3'; known: [none, skip_connect, nor_conv_1x1, nor_conv_3x3, avg_pool_3x3]\n");
        assertThat(dir.resolve("nb")).doesNotExist();
        assertThat(dir.resolve("op")).doesNotExist();
        assertThat(dir.resolve("op2")).doesNotExist();
    }
}
