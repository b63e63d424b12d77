package org.istanas.metrics.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.statistics.MultiValueCategoryDataset;
import org.jfree.data.statistics.StatisticalCategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class VariantPlotTest {
    @TempDir
    Path dir;

    @Test
    void everyRunIsAPointAndEachVariantHasItsMeanAndSampleStd() {
        double[][] acc = {{0.20, 0.30, 0.25}, {0.40, 0.44}};
        JFreeChart chart = VariantPlot.chart(List.of("solver=fista", "solver=lp"), acc, "ablation", "valid accuracy");
        CategoryPlot plot = chart.getCategoryPlot();
        MultiValueCategoryDataset runs = (MultiValueCategoryDataset) plot.getDataset(0);
        StatisticalCategoryDataset means = (StatisticalCategoryDataset) plot.getDataset(1);
        assertThat(runs.getValues(0, 0)).hasSize(3);
        assertThat(runs.getValues(0, 1)).hasSize(2);
        // by hand: fista mean 0.25, std sqrt((0.05^2 + 0.05^2 + 0) / 2) = 0.05; lp mean 0.42, std sqrt(2 * 0.02^2) = 0.0283
        assertThat(means.getMeanValue(0, 0).doubleValue()).isCloseTo(0.25, within(1e-12));
        assertThat(means.getStdDevValue(0, 0).doubleValue()).isCloseTo(0.05, within(1e-12));
        assertThat(means.getMeanValue(0, 1).doubleValue()).isCloseTo(0.42, within(1e-12));
        assertThat(means.getStdDevValue(0, 1).doubleValue()).isCloseTo(Math.sqrt(2 * 0.02 * 0.02), within(1e-12));
        assertThat(means.getColumnKeys()).containsExactly("solver=fista", "solver=lp");
    }

    @Test
    void writesPngAndSvgThatNameTheVariants() throws Exception {
        JFreeChart chart = VariantPlot.chart(List.of("a", "b"), new double[][] {{1}, {2, 3}}, "", "accuracy");
        ChartFiles.write(dir.resolve("variants"), chart, 640, 400);
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(dir.resolve("variants.png"))));
        assertThat(png.getWidth()).isEqualTo(640);
        assertThat(png.getHeight()).isEqualTo(400);
        assertThat(Files.readString(dir.resolve("variants.svg"))).contains(">a<").contains(">b<").contains(">mean ± std<");
    }

    @Test
    void refusesMismatchedOrNonFiniteInput() {
        assertThatThrownBy(() -> VariantPlot.chart(List.of("a"), new double[][] {{1}, {2}}, "", "y"))
                .hasMessageContaining("1 variants and 2 rows");
        assertThatThrownBy(() -> VariantPlot.chart(List.of("a"), new double[][] {{Double.NaN}}, "", "y"))
                .hasMessageContaining("variant a has a non-finite value NaN");
        assertThatThrownBy(() -> VariantPlot.chart(List.of("a"), new double[][] {{}}, "", "y"))
                .hasMessageContaining("variant a has no values");
    }
}
