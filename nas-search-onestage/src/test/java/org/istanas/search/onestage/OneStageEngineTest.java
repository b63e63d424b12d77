package org.istanas.search.onestage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.istanas.api.config.ConfigLoader;
import org.istanas.api.data.DatasetRequest;
import org.istanas.api.data.ImageDataset;
import org.istanas.api.data.ImageShape;
import org.istanas.api.genotype.Genotypes;
import org.istanas.api.run.ProgressListener;
import org.istanas.api.run.RunFolder;
import org.istanas.api.search.SearchContext;
import org.istanas.api.search.SearchOutcome;
import org.istanas.data.cifar.Cifar10Provider;
import org.istanas.data.cifar.Cifar10Writer;
import org.istanas.data.folder.ImageFolderProvider;
import org.istanas.ops.OpsPlugin;
import org.istanas.ops.engine.Nd4jEngine;
import org.istanas.api.network.NetworkEngine;
import org.istanas.api.network.SearchNetworkSpec;
import org.istanas.api.network.TargetNetworkSpec;
import org.istanas.ops.tools.ParameterCounter;
import org.istanas.search.toolkit.eval.Evaluation;
import org.istanas.search.toolkit.eval.EvaluationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-stage strategy on the ND4J engine: the smoke preset on CIFAR-10-format files (fold exactness, reload by the
 * evaluation trainer), exact resume after a kill, and the ImageNet variant on a generated 224x224 image folder.
 */
final class OneStageEngineTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static NetworkEngine engine() {
        return new Nd4jEngine();
    }

    /** A tiny learnable CIFAR-10-format directory (the synthetic images written as binary batches). */
    private Path tinyCifar10() throws IOException {
        return Cifar10Writer.writeSynthetic(dir.resolve("cifar10"), 96, 64, 7);
    }

    private static SearchContext context(OneStageConfig config, ImageDataset data, RunFolder folder,
                                         NetworkEngine engine, ProgressListener listener) {
        return SearchContext.builder().config(config).dataset(data).solver(Harness.fista())
                .operations(new OpsPlugin().operations()).runFolder(folder).seed(3).listener(listener)
                .service(NetworkEngine.class, engine).build();
    }

    @Test
    void smokeOnCifarFoldsExactlyAndTheSavedModelReloads() throws IOException {
        NetworkEngine engine = engine();
        ImageDataset data = new Cifar10Provider().open(new DatasetRequest(tinyCifar10(), 0, 0, Map.of()));
        // the smoke preset, shortened to 2 + 1 epochs of 2 batches (the full preset is the CLI smoke run)
        OneStageConfig config = ConfigLoader.load(OneStageConfig.class, OneStagePresets.get("smoke"), null,
                List.of("trainImages=64", "testImages=64", "maxSearchEpochs=2", "retrainEpochs=1"));
        RunFolder folder = Harness.folder(dir.resolve("run"));
        SearchOutcome outcome = new OneStageStrategy().search(context(config, data, folder, engine,
                ProgressListener.NONE));

        JsonNode result = JSON.readTree(folder.result().toFile());
        int images = result.get("testImages").asInt();
        assertThat(images).isEqualTo(64);
        assertThat(result.get("maxAbsLogitDiff").asDouble()).isBetween(0.0, 1e-3);
        // the same predictions up to float rounding: at most one image may flip on a near-tie
        assertThat(Math.abs(result.get("testAccuracy").asDouble() - result.get("foldedTestAccuracy").asDouble()))
                .isLessThanOrEqualTo(1.0 / images + 1e-12);
        assertThat(folder.genotype()).isRegularFile();

        RunFolder model = RunFolder.open(folder.file(FoldedModel.FOLDER));
        EvaluationResult reloaded = new Evaluation(FoldedModel.evaluationConfig(config), outcome.genotype(), data,
                ParameterCap.byName(new OpsPlugin().operations()), engine).testOnly(model, 3);
        assertThat(reloaded.testAccuracy()).isEqualTo(result.get("foldedTestAccuracy").asDouble());
    }

    @Test
    void killedAndResumedRunEqualsUninterruptedOnTheEngine() throws IOException {
        NetworkEngine engine = engine();
        // 2 batches per epoch, 2 search + 1 retrain epochs, killed in the second search epoch
        OneStageConfig config = Harness.config(List.of("layers=3", "channels=2", "trainImages=32", "testImages=16",
                "maxSearchEpochs=2", "retrainEpochs=1", "checkpointEverySteps=1", "auxiliaryWeight=0.4"));
        RunFolder reference = Harness.folder(dir.resolve("reference"));
        new OneStageStrategy().search(context(config, Harness.dataset(), reference, engine, ProgressListener.NONE));

        RunFolder run = Harness.folder(dir.resolve("killed"));
        ProgressListener killer = new ProgressListener() {
            @Override
            public void stepFinished(int epoch, int step, int steps, double loss, double accuracy) {
                if (epoch == 1 && step == 1) {
                    throw new IllegalStateException("simulated kill -9");
                }
            }
        };
        assertThatThrownBy(() -> new OneStageStrategy().search(context(config, Harness.dataset(), run, engine,
                killer))).hasMessage("simulated kill -9");
        new OneStageStrategy().resume(context(config, Harness.dataset(), RunFolder.open(run.root()), engine,
                ProgressListener.NONE));
        assertThat(Harness.metricsWithoutTime(run)).isEqualTo(Harness.metricsWithoutTime(reference));
        assertThat(Files.readAllLines(run.codes())).isEqualTo(Files.readAllLines(reference.codes()));
        assertThat(Files.readAllBytes(run.file("model").resolve(Evaluation.MODEL)))
                .isEqualTo(Files.readAllBytes(reference.file("model").resolve(Evaluation.MODEL)));
    }

    @Test
    void imagenetVariantTrainsOnAGeneratedImageFolder() throws IOException {
        NetworkEngine engine = engine();
        Path root = dir.resolve("imagenet");
        SplittableRandom random = new SplittableRandom(5);
        for (String split : List.of("train", "val")) {
            for (String cls : List.of("n01", "n02")) {
                Path classDir = Files.createDirectories(root.resolve(split).resolve(cls));
                for (int i = 0; i < 4; i++) {
                    BufferedImage image = new BufferedImage(224, 224, BufferedImage.TYPE_INT_RGB);
                    int base = cls.equals("n01") ? 0x402010 : 0x102040;
                    for (int y = 0; y < 224; y++) {
                        for (int x = 0; x < 224; x++) {
                            image.setRGB(x, y, base + random.nextInt(0x3f3f3f));
                        }
                    }
                    ImageIO.write(image, "png", classDir.resolve(i + ".png").toFile());
                }
            }
        }
        ImageDataset data = new ImageFolderProvider().open(new DatasetRequest(root, 0, 0,
                Map.of(ImageFolderProvider.RESIZE_SIZE, "224")));
        assertThat(data.shape()).isEqualTo(new ImageShape(3, 224, 224));
        OneStageConfig config = ConfigLoader.load(OneStageConfig.class, OneStagePresets.get("imagenet"), null,
                List.of("layers=3", "channels=4", "batchSize=4", "maxSearchEpochs=1", "retrainEpochs=1",
                        "loaderWorkers=1"));
        assertThat(config.network()).isEqualTo("imagenet");
        RunFolder folder = Harness.folder(dir.resolve("run"));
        new OneStageStrategy().search(context(config, data, folder, engine, ProgressListener.NONE));

        JsonNode result = JSON.readTree(folder.result().toFile());
        assertThat(result.get("testImages").asInt()).isEqualTo(8);
        assertThat(result.get("maxAbsLogitDiff").asDouble()).isBetween(0.0, 1e-3);
        assertThat(Harness.column(folder, "train_loss")).hasSize(2).allMatch(v -> Double.isFinite(Double.parseDouble(v)));
        assertThat(Files.readString(folder.file(FoldedModel.FOLDER).resolve(RunFolder.CONFIG)))
                .contains("network: imagenet");
    }

    @Test
    void imagenetCapCountsTheSameNetworkAsTheParamsCommand() {
        NetworkEngine engine = engine();
        OneStageConfig config = OneStagePresets.record("imagenet");
        ImageDataset imagenet = new ShapeOnlyDataset(new ImageShape(3, 224, 224), 1000);
        long count = new ParameterCap(config, imagenet, new OpsPlugin().operations(), engine, 0)
                .parameters(Genotypes.ISTA_IMAGENET);
        ParameterCounter.Request request = ParameterCounter.Request
                .defaults(Genotypes.ISTA_IMAGENET, TargetNetworkSpec.Layout.IMAGENET).withOneStageBn(true);
        assertThat(count).isEqualTo(ParameterCounter.builtIn().count(request));
        // the one-stage ISTA_ImageNet network: 5.655M (5.651M without the extra BNs, as reported)
        assertThat(Math.round(count / 1e3) / 1e3).isEqualTo(5.655);
    }

    /** Only shape and classes, which is all the parameter cap reads. */
    private record ShapeOnlyDataset(ImageShape shape, int classes) implements ImageDataset {
        @Override
        public String name() {
            return "shape-only";
        }

        @Override
        public List<String> classNames() {
            return java.util.stream.IntStream.range(0, classes).mapToObj(i -> "c" + i).toList();
        }

        @Override
        public org.istanas.api.data.ImageSplit train() {
            throw new UnsupportedOperationException();
        }

        @Override
        public org.istanas.api.data.ImageSplit test() {
            throw new UnsupportedOperationException();
        }

        @Override
        public float[] mean() {
            return new float[] {0, 0, 0};
        }

        @Override
        public float[] std() {
            return new float[] {1, 1, 1};
        }

        @Override
        public String checksum() {
            return "";
        }
    }
}
