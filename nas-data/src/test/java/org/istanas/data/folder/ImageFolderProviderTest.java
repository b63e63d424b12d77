package org.istanas.data.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.istanas.api.data.Batch;
import org.istanas.api.data.DatasetRequest;
import org.istanas.api.data.ImageDataset;
import org.istanas.api.data.ImageShape;
import org.istanas.data.pipeline.Augmentation;
import org.istanas.data.pipeline.BatchLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ImageFolderProviderTest {
    private static final Color[] COLOURS = {new Color(255, 0, 0), new Color(0, 255, 0), new Color(0, 0, 255)};
    private static final String[] CLASSES = {"ant", "bee", "cat"};

    @TempDir
    Path root;

    @Test
    void listsClassesSortedAndImagesRoundRobinAcrossClasses() throws IOException {
        tree(3, 1);
        ImageDataset data = open(Map.of());

        assertThat(data.classNames()).containsExactly("ant", "bee", "cat");
        assertThat(data.train().size()).isEqualTo(9);
        assertThat(data.test().size()).isEqualTo(3);
        for (int i = 0; i < 9; i++) {
            assertThat(data.train().label(i)).isEqualTo(i % 3);
        }
        assertThat(data.shape().height()).isEqualTo(256);
        assertThat(((ImageFolderDataset) data).imageSize()).isEqualTo(224);

        ImageDataset limited = open(Map.of(), 4);
        assertThat(limited.train().size()).isEqualTo(4);
        assertThat(limited.train().label(3)).isZero();
    }

    /**
     * Issue 15 item 7: the stored size follows the crop size at ImageNet's ratio 256/224 = 8/7 (it stayed 256), and
     * networks are built for the crops, not for the stored squares (they were built for 256 and fed 224).
     */
    @Test
    void theStoredSizeFollowsTheCropAndNetworksSeeTheCrop() throws IOException {
        tree(2, 1);
        ImageDataset defaults = open(Map.of());
        assertThat(defaults.shape()).isEqualTo(new ImageShape(3, 256, 256));
        assertThat(Augmentation.networkInput(defaults)).isEqualTo(new ImageShape(3, 224, 224));
        ImageDataset small = open(Map.of("imageSize", "32"));
        assertThat(small.shape()).isEqualTo(new ImageShape(3, 37, 37)); // 32 * 8 / 7 = 36.57
        assertThat(Augmentation.networkInput(small)).isEqualTo(new ImageShape(3, 32, 32));
        assertThat(open(Map.of("imageSize", "4000")).shape().height()).isEqualTo(4096); // the option's bound
        try (BatchLoader loader = BatchLoader.over(small.train(), small.mean(), small.std()).batchSize(2)
                .augmentation(Augmentation.forTraining(small, 0)).build()) {
            assertThat(loader.next().shape()).isEqualTo(Augmentation.networkInput(small));
        }
    }

    @Test
    void decodesPngExactlyAndJpegApproximately() throws IOException {
        tree(2, 1);
        ImageDataset data = open(Map.of("imageSize", "16", "resizeSize", "24"));
        assertThat(data.shape().size()).isEqualTo(3 * 24 * 24);
        float[] image = new float[3 * 24 * 24];
        for (int i = 0; i < data.train().size(); i++) {
            data.train().readImage(i, image, 0);
            Color colour = COLOURS[data.train().label(i)];
            boolean jpeg = ((ImageFolderSplit) data.train()).file(i).toString().endsWith(".jpg");
            double tolerance = jpeg ? 0.06 : 1e-5;
            float[] rgb = colour.getRGBColorComponents(null);
            for (int c = 0; c < 3; c++) {
                for (int p = 0; p < 24 * 24; p++) {
                    assertThat((double) image[c * 576 + p]).as("image %d channel %d", i, c)
                            .isCloseTo(rgb[c], offset(tolerance));
                }
            }
        }
    }

    @Test
    void resizesTheShorterSideAndCropsTheCentre() throws IOException {
        Files.createDirectories(root.resolve("train/a"));
        Files.createDirectories(root.resolve("train/b"));
        Files.createDirectories(root.resolve("val/a"));
        // 20 high, 40 wide: black | red | blue | black in 10-pixel columns; the centre 20x20 square is red | blue
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(10, 0, 10, 20);
        g.setColor(Color.BLUE);
        g.fillRect(20, 0, 10, 20);
        g.dispose();
        ImageIO.write(image, "png", root.resolve("train/a/wide.png").toFile());
        ImageIO.write(image, "png", root.resolve("train/b/wide.png").toFile());
        ImageIO.write(image, "png", root.resolve("val/a/wide.png").toFile());

        ImageDataset data = open(Map.of("imageSize", "16", "resizeSize", "20"));
        float[] out = new float[3 * 400];
        data.train().readImage(0, out, 0);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 20; x++) {
                boolean left = x < 10;
                assertThat(out[y * 20 + x]).isEqualTo(left ? 1f : 0f);
                assertThat(out[800 + y * 20 + x]).isEqualTo(left ? 0f : 1f);
            }
        }
    }

    @Test
    void batchesOfFolderImagesAreCroppedToTheImageSize() throws IOException {
        tree(4, 2);
        ImageDataset data = open(Map.of("imageSize", "24", "resizeSize", "32"));
        try (BatchLoader loader = BatchLoader.over(data.train(), data.mean(), data.std()).batchSize(5).workers(3)
                .augmentation(Augmentation.forTraining(data, 0)).build()) {
            Batch batch = loader.next();
            assertThat(batch.shape().height()).isEqualTo(24);
            assertThat(batch.size()).isEqualTo(5);
        }
        try (BatchLoader loader = BatchLoader.over(data.test(), data.mean(), data.std()).batchSize(6)
                .augmentation(Augmentation.forEvaluation(data)).build()) {
            Batch batch = loader.next();
            assertThat(batch.shape().width()).isEqualTo(24);
            // solid-colour PNG: the centre crop, normalised, is (colour - mean) / std everywhere
            int label = batch.labels()[0];
            float expected = (COLOURS[label].getRed() / 255f - data.mean()[0]) / data.std()[0];
            assertThat(batch.images()[0]).isCloseTo(expected, offset(0.3f));
        }
    }

    @Test
    void undecodableImageIsReportedWithItsFileNameAlsoThroughTheLoader() throws IOException {
        tree(1, 1);
        Path broken = root.resolve("train/bee/zz-broken.jpg");
        Files.write(broken, new byte[] {1, 2, 3, 4, 5});
        ImageDataset data = open(Map.of("resizeSize", "24", "imageSize", "24"));
        int index = -1;
        for (int i = 0; i < data.train().size(); i++) {
            if (((ImageFolderSplit) data.train()).file(i).equals(broken)) {
                index = i;
            }
        }
        int brokenIndex = index;
        assertThatThrownBy(() -> data.train().readImage(brokenIndex, new float[3 * 24 * 24], 0))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("zz-broken.jpg");

        BatchLoader loader = BatchLoader.over(data.train(), data.mean(), data.std()).batchSize(2).workers(2).build();
        assertThatThrownBy(() -> {
            while (loader.hasNext()) {
                loader.next();
            }
        }).isInstanceOf(UncheckedIOException.class).hasMessageContaining("zz-broken.jpg");
        loader.close();
    }

    @Test
    void refusesValidationClassWithoutTrainingDirectoryAndMissingDirectories() throws IOException {
        tree(1, 1);
        Files.createDirectories(root.resolve("val/dog"));
        assertThatThrownBy(() -> open(Map.of())).hasMessageContaining("class 'dog' has no training directory");
        Files.delete(root.resolve("val/dog"));

        assertThatThrownBy(() -> new ImageFolderProvider().open(new DatasetRequest(root.resolve("nope"), 0, 0,
                Map.of()))).hasMessageContaining("needs a train/ directory");
        assertThatThrownBy(() -> open(Map.of("imageSize", "300", "resizeSize", "256"))).hasMessageContaining("resizeSize");
        assertThatThrownBy(() -> open(Map.of("imageSize", "big"))).hasMessageContaining("must be an integer");
    }

    private ImageDataset open(Map<String, String> options) throws IOException {
        return open(options, 0);
    }

    private ImageDataset open(Map<String, String> options, int limit) throws IOException {
        return new ImageFolderProvider().open(new DatasetRequest(root, 0, limit, options));
    }

    /** {@code train} images per class (alternating PNG and JPEG) and {@code val} PNGs per class, solid colours. */
    private void tree(int train, int val) throws IOException {
        for (int c = 0; c < CLASSES.length; c++) {
            Path trainDir = Files.createDirectories(root.resolve("train").resolve(CLASSES[c]));
            Path valDir = Files.createDirectories(root.resolve("val").resolve(CLASSES[c]));
            for (int i = 0; i < train; i++) {
                boolean jpeg = i % 2 == 1;
                write(solid(COLOURS[c], 30 + 7 * i, 40), trainDir.resolve("img" + i + (jpeg ? ".jpg" : ".png")),
                        jpeg ? "jpeg" : "png");
            }
            for (int i = 0; i < val; i++) {
                write(solid(COLOURS[c], 50, 45), valDir.resolve("v" + i + ".PNG"), "png");
            }
        }
        Files.writeString(root.resolve("train/ant/notes.txt"), "not an image");
    }

    private static BufferedImage solid(Color colour, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    private static void write(BufferedImage image, Path file, String format) throws IOException {
        if (!ImageIO.write(image, format, file.toFile())) {
            throw new IOException("no writer for " + format);
        }
    }
}
