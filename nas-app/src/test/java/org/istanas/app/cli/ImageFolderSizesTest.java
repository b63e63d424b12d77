package org.istanas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 item 7: {@code search --dataset imagenet-folder --data-dir D --preset smoke} failed with "batch images are
 * 3x224x224 but the network expects 3x256x256": networks were built for the stored {@code resizeSize} squares while
 * the augmentation feeds them {@code imageSize} crops. Now the defaults work together, and a crop size the network
 * cannot halve evenly is refused before anything is created, naming the option that sets it.
 */
final class ImageFolderSizesTest {
    @TempDir
    Path dir;

    private Path data;

    @BeforeEach
    void imageFolder() throws IOException {
        data = writeImageFolder(dir.resolve("folder"));
    }

    /** Two classes, four training and two validation images each, of different sizes, as PNG and JPEG. */
    static Path writeImageFolder(Path data) throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        for (String split : List.of("train", "val")) {
            for (String cls : List.of("n01", "n02")) {
                Path classDir = Files.createDirectories(data.resolve(split).resolve(cls));
                for (int i = 0; i < (split.equals("train") ? 4 : 2); i++) {
                    BufferedImage image = new BufferedImage(40 + 9 * i, 36, BufferedImage.TYPE_INT_RGB);
                    int base = cls.equals("n01") ? 0x603010 : 0x103060;
                    for (int y = 0; y < image.getHeight(); y++) {
                        for (int x = 0; x < image.getWidth(); x++) {
                            image.setRGB(x, y, base + random.nextInt(0x3f3f3f));
                        }
                    }
                    String format = i % 2 == 0 ? "png" : "jpg";
                    ImageIO.write(image, format, classDir.resolve(i + "." + format).toFile());
                }
            }
        }
        return data;
    }

    private MainTest.Result run(Path out, String... args) {
        String[] all = Stream.concat(Stream.of(args), Stream.of("--dataset", "imagenet-folder", "--data-dir",
                data.toString(), "--out", out.toString(), "--quiet")).toArray(String[]::new);
        return MainTest.run(all);
    }

    @Test
    void theSmokeSearchRunsWithTheDefaultSizes() throws IOException {
        Path out = dir.resolve("search");
        MainTest.Result r = run(out, "search", "--preset", "smoke", "--set", "trainImages=8", "--set", "batchSize=2",
                "--set", "epochs=1");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(out.resolve("genotype.json")).isRegularFile();
        JsonNode provenance = new ObjectMapper().readTree(out.resolve("provenance.json").toFile());
        assertThat(provenance.get("dataset").get("name").asText()).isEqualTo("imagenet-folder");
        assertThat(provenance.get("dataset").get("train").asInt()).isEqualTo(8);
    }

    /** imageSize 32 alone: the stored size follows (37 = 32 * 8/7); it used to stay 256 and fail the same way. */
    @Test
    void anEvaluationWithASmallerCropRuns() {
        Path out = dir.resolve("evaluate");
        MainTest.Result r = run(out, "evaluate", "--genotype", "DARTS_V2", "--preset", "smoke", "--dataset-option",
                "imageSize=32", "--set", "trainImages=8", "--set", "batchSize=4", "--set", "epochs=1",
                "--set", "testImages=0");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(out.resolve("model.bin")).isRegularFile();
    }

    @Test
    void aCropTheSearchNetworkCannotHalveIsRefusedNamingTheOption() {
        Path out = dir.resolve("search-30");
        MainTest.Result r = run(out, "search", "--preset", "smoke", "--dataset-option", "imageSize=30", "--set",
                "trainImages=8", "--set", "batchSize=2");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        // 30 halves to 15, which the second reduction cell cannot halve; 28 and 32 are the multiples of 4 around it
        assertThat(r.err()).contains("images of 3x30x30 do not fit the cifar network of 3 cells",
                "multiples of 4, e.g. 28 or 32", "--dataset-option imageSize=N");
        assertThat(out).doesNotExist();
    }

    @Test
    void aCropTheImageNetLayoutCannotTakeIsRefusedBeforeTheEvaluationFolderExists() {
        Path out = dir.resolve("evaluate-48");
        MainTest.Result r = run(out, "evaluate", "--genotype", "DARTS_V2", "--preset", "smoke", "--set",
                "network=imagenet", "--dataset-option", "imageSize=48");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        // the stem takes 48 to 12, its first cell to 6, the reductions to 3 (odd): multiples of 8 * 2^2 fit
        assertThat(r.err()).contains("images of 3x48x48 do not fit the imagenet network of 5 cells",
                "multiples of 32, e.g. 32 or 64", "imageSize crops of dataset imagenet-folder, now 48");
        assertThat(out).doesNotExist();
    }
}
