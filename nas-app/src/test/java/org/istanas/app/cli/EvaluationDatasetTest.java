package org.istanas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.istanas.api.run.ProgressListener;
import org.istanas.api.run.Provenance;
import org.istanas.api.run.ProvenanceFiles;
import org.istanas.app.embed.Istanas;
import org.istanas.app.embed.RecordedDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 item 1: {@code search --dataset cifar10 ... --out S} then {@code evaluate --genotype S/genotype.json}
 * retrained on the synthetic default and printed an accuracy that read like a CIFAR result. Now an evaluation of a
 * run's genotype.json reads that run's dataset unless told otherwise, the synthetic default is said, a data directory
 * without a dataset is refused, and the header and the result lines name the data.
 */
final class EvaluationDatasetTest {
    @TempDir
    static Path dir;

    private static Path data;
    private static Path search;

    /** A tiny search on a generated image folder (32-pixel crops): its run folder is what is evaluated. */
    @BeforeAll
    static void searchOnAnImageFolder() throws IOException {
        data = ImageFolderSizesTest.writeImageFolder(dir.resolve("folder"));
        search = dir.resolve("search");
        MainTest.Result r = MainTest.run("search", "--dataset", "imagenet-folder", "--data-dir", data.toString(),
                "--dataset-option", "imageSize=32", "--preset", "smoke", "--set", "trainImages=8", "--set",
                "batchSize=2", "--set", "epochs=1", "--out", search.toString(), "--quiet");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("dataset:     imagenet-folder in " + data.toAbsolutePath()
                + " (8 training and 4 test images, 2 classes)");
    }

    private static MainTest.Result evaluate(Path out, String... more) {
        String[] args = Stream.concat(Stream.of("evaluate", "--preset", "smoke", "--set", "trainImages=8", "--set",
                "batchSize=4", "--set", "epochs=1", "--set", "testImages=0", "--out", out.toString(), "--quiet"),
                Stream.of(more)).toArray(String[]::new);
        return MainTest.run(args);
    }

    private static Provenance provenance(Path run) throws IOException {
        return ProvenanceFiles.read(run.resolve("provenance.json"));
    }

    @Test
    void theGenotypeOfARunIsTrainedOnThatRunsDataset() throws IOException {
        Path out = dir.resolve("evaluate-recorded");
        MainTest.Result r = evaluate(out, "--genotype", search.resolve("genotype.json").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        Provenance p = provenance(out);
        assertThat(p.dataset().name()).isEqualTo("imagenet-folder");
        assertThat(p.dataset().checksum()).isEqualTo(provenance(search).dataset().checksum());
        assertThat(p.invocation().get("dataDir")).isEqualTo(data.toAbsolutePath().toString());
        assertThat(p.invocation().get("datasetOptions")).isEqualTo("imageSize=32");
        assertThat(r.out()).contains("dataset:       imagenet-folder in " + data.toAbsolutePath()
                + " (8 training and 4 test images, 2 classes)");
    }

    /** Another dataset may be asked for (a transfer, as CIFAR-10 cells on ImageNet); the header says what it was. */
    @Test
    void aDatasetNamedIsUsedAsAskedAndTheHeaderNamesTheRunsOne() throws IOException {
        List<String> messages = new ArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void message(String text) {
                messages.add(text);
            }
        };
        Path out = dir.resolve("evaluate-synthetic");
        Istanas.create().evaluate(search.resolve("genotype.json").toString()).dataset("synthetic")
                .datasetOption("trainSize", "16").datasetOption("testSize", "8").preset("smoke")
                .set("trainImages", 8).set("batchSize", 4).set("epochs", 1).set("testImages", 0).out(out)
                .listener(listener).run();
        assertThat(provenance(out).dataset().name()).isEqualTo("synthetic");
        assertThat(messages.get(0)).isEqualTo("dataset: synthetic: 16 training and 8 test images of 3x32x32, "
                + "10 classes (as asked; the genotype was found on imagenet-folder in " + data.toAbsolutePath() + ")");
    }

    @Test
    void theHeaderNamesTheDirectoryTheCountsAndTheCrops() throws IOException {
        List<String> messages = new ArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void message(String text) {
                messages.add(text);
            }
        };
        Istanas.create().evaluate(search.resolve("genotype.json").toString()).preset("smoke")
                .set("trainImages", 8).set("batchSize", 4).set("epochs", 1).set("testImages", 0)
                .out(dir.resolve("evaluate-header")).listener(listener).run();
        // 32 * 8/7 = 36.57: stored 37-pixel squares, 32-pixel crops
        assertThat(messages.get(0)).isEqualTo("dataset: imagenet-folder in " + data.toAbsolutePath() + ": 8 training"
                + " and 4 test images of 3x37x37 (network input: 3x32x32 crops), 2 classes (the dataset of the run that"
                + " found the genotype, " + search.resolve("provenance.json").toAbsolutePath() + ")");
    }

    @Test
    void withoutAnyDataTheSyntheticDefaultIsSaidInTheResult() {
        Path out = dir.resolve("evaluate-default");
        MainTest.Result r = evaluate(out, "--genotype", "DARTS_V2", "--dataset-option", "trainSize=16",
                "--dataset-option", "testSize=8");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("dataset:       synthetic (16 training and 8 test images, 10 classes): "
                + "generated images, not a benchmark");
    }

    @Test
    void aDataDirectoryWithoutADatasetIsRefused() {
        for (List<String> command : List.of(List.of("search"), List.of("search", "--runs", "2"),
                List.of("evaluate", "--genotype", "DARTS_V2"), List.of("evaluate", "--genotype", "DARTS_V2", "--seeds",
                        "2"), List.of("consistency", "--runs", "2"))) {
            Path out = dir.resolve("never-" + String.join("-", command));
            String[] args = Stream.concat(command.stream(), Stream.of("--data-dir", data.toString(), "--preset",
                    "smoke", "--out", out.toString(), "--quiet")).toArray(String[]::new);
            MainTest.Result r = MainTest.run(args);
            assertThat(r.exitCode()).as(command + ": " + r.err()).isEqualTo(2);
            assertThat(r.err()).contains("a data directory (" + data + ") but no dataset was given: name the dataset"
                    + " it holds (--dataset");
            assertThat(out).doesNotExist();
        }
    }

    /** The parent of 'search --runs N' holds the best run's genotype.json beside run-0/, run-1/, ... */
    @Test
    void theParentOfSeveralRunsRecordsTheDatasetOfItsRuns() throws IOException {
        Path parent = Files.createDirectories(dir.resolve("runs-parent"));
        Files.createDirectories(parent.resolve("run-0"));
        Files.copy(search.resolve("provenance.json"), parent.resolve("run-0").resolve("provenance.json"));
        Files.copy(search.resolve("genotype.json"), parent.resolve("genotype.json"));
        RecordedDataset recorded = RecordedDataset.of(parent.resolve("genotype.json")).orElseThrow();
        assertThat(recorded.name()).isEqualTo("imagenet-folder");
        assertThat(recorded.dataDir()).isEqualTo(data.toAbsolutePath());
        assertThat(recorded.options()).containsEntry("imageSize", "32");
        Path alone = Files.copy(search.resolve("genotype.json"), dir.resolve("alone.json"));
        assertThat(RecordedDataset.of(alone)).isEmpty();
    }
}
