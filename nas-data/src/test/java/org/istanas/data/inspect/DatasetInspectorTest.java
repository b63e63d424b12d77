package org.istanas.data.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.istanas.api.data.DatasetRequest;
import org.istanas.api.data.ImageDataset;
import org.istanas.api.data.ImageShape;
import org.istanas.data.common.ByteImageSplit;
import org.istanas.data.common.InMemoryDataset;
import org.istanas.data.synthetic.SyntheticProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DatasetInspectorTest {
    @TempDir
    Path dir;

    /** 2 channels of 1x2 pixels: hand-computable statistics. */
    private static ImageDataset tiny() {
        ImageShape shape = new ImageShape(2, 1, 2);
        // image 0: c0 = {0, 255}, c1 = {51, 51}; image 1: c0 = {255, 255}, c1 = {102, 0}
        byte[] pixels = {0, (byte) 255, 51, 51, (byte) 255, (byte) 255, 102, 0};
        ByteImageSplit train = new ByteImageSplit(pixels, new byte[] {1, 1}, shape);
        ByteImageSplit test = new ByteImageSplit(new byte[] {0, 0, 0, 0}, new byte[] {0}, shape);
        return new InMemoryDataset("tiny", shape, List.of("a", "b", "c"), train, test, new float[] {0.5f, 0.5f},
                new float[] {1, 1}, "x");
    }

    @Test
    void measuresCountsHistogramMeanAndStdFromTheData() {
        for (int threads : new int[] {1, 3}) {
            DatasetReport report = new DatasetInspector(threads).inspect(tiny());
            SplitStatistics train = report.train();
            assertThat(train.count()).isEqualTo(2);
            assertThat(train.perClass()).containsExactly(0, 2, 0);
            // channel 0 values {0, 1, 1, 1}: mean 0.75, population std sqrt(0.1875)
            assertThat(train.mean()[0]).isCloseTo(0.75, offset(1e-6));
            assertThat(train.std()[0]).isCloseTo(Math.sqrt(0.1875), offset(1e-6));
            // channel 1 values {0.2, 0.2, 0.4, 0}: mean 0.2, std sqrt(0.02)
            assertThat(train.mean()[1]).isCloseTo(0.2, offset(1e-6));
            assertThat(train.std()[1]).isCloseTo(Math.sqrt(0.02), offset(1e-6));
            assertThat(report.test().perClass()).containsExactly(1, 0, 0);
        }
    }

    @Test
    void jsonHasTheDocumentedShape() throws IOException {
        ImageDataset data = new SyntheticProvider().open(new DatasetRequest(null, 1, 0,
                Map.of("trainSize", "600", "testSize", "300")));
        DatasetReport report = new DatasetInspector(2).inspect(data);
        JsonNode json = new ObjectMapper().readTree(report.toJson());
        assertThat(json.get("train").get("count").asInt()).isEqualTo(600);
        assertThat(json.get("test").get("count").asInt()).isEqualTo(300);
        assertThat(json.get("train").get("perClass")).hasSize(10);
        assertThat(json.get("train").get("perClass").get(0).asInt()).isEqualTo(60);
        assertThat(json.get("train").get("mean")).hasSize(3);
        assertThat(json.get("test").get("std")).hasSize(3);
        assertThat(json.get("dataset").asText()).isEqualTo("synthetic");
        // measured mean agrees with the provider's own estimate on the same images
        assertThat(json.get("train").get("mean").get(0).asDouble()).isCloseTo(data.mean()[0], offset(0.02));
        assertThat(report.toText()).contains("train", "horizontal-stripes");
    }

    @Test
    void contactSheetIsAPngWithOneRowPerClassWrittenAtomically() throws IOException {
        ImageDataset data = new SyntheticProvider().open(new DatasetRequest(null, 1, 0,
                Map.of("trainSize", "100", "testSize", "100")));
        Path file = dir.resolve("sub/sheet.png");
        ContactSheet.write(data, data.test(), 4, file);

        BufferedImage sheet = ImageIO.read(file.toFile());
        assertThat(sheet.getHeight()).isEqualTo(10 * (64 + 2) + 2);
        assertThat(sheet.getWidth()).isEqualTo(150 + 4 * (64 + 2) + 2);
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("sheet.png");
        }
        // cell (row 0, column 0) shows test image 0 enlarged 2x: compare one pixel
        float[] image = new float[3072];
        data.test().readImage(0, image, 0);
        int rgb = sheet.getRGB(150 + 2 + 2 * 5, 2 + 2 * 7);
        assertThat((rgb >> 16) & 0xFF).isEqualTo(Math.round(image[7 * 32 + 5] * 255));
    }
}
