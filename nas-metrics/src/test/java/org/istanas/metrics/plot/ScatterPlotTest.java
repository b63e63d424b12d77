package org.istanas.metrics.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ScatterPlotTest {
    @TempDir
    Path dir;

    @Test
    void runsHeadless() {
        assertThat(GraphicsEnvironment.isHeadless()).isTrue(); // surefire passes -Djava.awt.headless=true
    }

    @Test
    void pointsLandWhereTheAxesSayTheyAre() {
        // Data in [0, 10] with a 3% margin: the axis runs from -0.3 to 10.3, so 0, 5 and 10 sit at the fractions
        // 0.3/10.6, 5.3/10.6 and 10.3/10.6 of the plot area's width and height.
        ScatterPlot plot = ScatterPlot.builder().title("τ-b = 1.00").xLabel("search").yLabel("eval").size(400, 300)
                .build();
        BufferedImage image = plot.render(new double[] {0, 5, 10}, new double[] {0, 5, 10});
        assertThat(image.getWidth()).isEqualTo(400);
        assertThat(image.getHeight()).isEqualTo(300);
        int plotW = 400 - ScatterPlot.LEFT - ScatterPlot.RIGHT;
        int plotH = 300 - ScatterPlot.TOP - ScatterPlot.BOTTOM;
        for (double v : new double[] {0, 5, 10}) {
            double f = (v + 0.3) / 10.6;
            int px = (int) Math.round(ScatterPlot.LEFT + f * plotW);
            int py = (int) Math.round(ScatterPlot.TOP + (1 - f) * plotH);
            assertThat(isPointColour(image.getRGB(px, py))).as("point at %s", v).isTrue();
        }
        // Off the diagonal there is no point.
        assertThat(isPointColour(image.getRGB(ScatterPlot.LEFT + plotW / 4, ScatterPlot.TOP + plotH / 4))).isFalse();
    }

    private static boolean isPointColour(int rgb) {
        Color c = new Color(rgb);
        return c.getBlue() > c.getRed() + 40; // the blue fill, not white, grey or black
    }

    @Test
    void writesAReadablePngAtomically() throws IOException {
        Path file = dir.resolve("plots/consistency.png");
        double[] x = new double[40];
        double[] y = new double[40];
        for (int i = 0; i < x.length; i++) {
            x[i] = 60 + (i * 37 % 40) * 0.5;
            y[i] = 90 + x[i] * 0.08 + (i * 13 % 7) * 0.2;
        }
        ScatterPlot.builder().title("τ-b = 0.62 (n = 40)").xLabel("super-net validation accuracy (%)")
                .yLabel("stand-alone test accuracy (%)").build().writePng(file, x, y);
        BufferedImage back = ImageIO.read(file.toFile());
        assertThat(back.getWidth()).isEqualTo(800);
        assertThat(back.getHeight()).isEqualTo(600);
        assertThat(Files.list(file.getParent())).containsExactly(file);
    }

    @Test
    void singlePointAndConstantColumnsStillGetAnAxis() {
        BufferedImage image = ScatterPlot.builder().build().render(new double[] {3}, new double[] {3});
        assertThat(image.getWidth()).isEqualTo(800);
    }

    @Test
    void axesHaveRoundTicksInsideAMarginedDataRange() {
        // [0.0123, 0.9876] + 3% margin = [-0.0170, 1.0169]; range / 5 = 0.207 -> step 0.2 -> ticks 0 .. 1
        AxisScale s = AxisScale.forData(0.0123, 0.9876);
        assertThat(s.min()).isCloseTo(0.0123 - 0.029259, within(1e-6));
        assertThat(s.ticks()).containsExactly(0.0, 0.2, 0.4, 0.6, 0.8, 1.0);
        // [96.83, 97.41] + margin = [96.8126, 97.4274]; range / 5 = 0.123 -> step 0.1 -> 96.9 .. 97.4
        AxisScale acc = AxisScale.forData(96.83, 97.41);
        assertThat(acc.ticks()).containsExactly(96.9, 97.0, 97.1, 97.2, 97.3, 97.4);
        assertThat(acc.decimals()).isEqualTo(1);
        // constant data: widened by 5% of the value
        AxisScale constant = AxisScale.forData(40, 40);
        assertThat(constant.min()).isEqualTo(38);
        assertThat(constant.max()).isEqualTo(42);
        assertThat(constant.ticks().length).isBetween(2, 7);
    }

    @Test
    void spellsOutGreekLettersWhenTheFontLacksThem() {
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        String shown = ScatterPlot.displayable(font, "τ-b = 0.5");
        assertThat(shown).isIn("τ-b = 0.5", "tau-b = 0.5");
    }

    @Test
    void refusesBadInput() {
        ScatterPlot plot = ScatterPlot.builder().build();
        assertThatThrownBy(() -> plot.render(new double[0], new double[0])).hasMessageContaining("empty");
        assertThatThrownBy(() -> plot.render(new double[] {1, 2}, new double[] {1}))
                .hasMessageContaining("same length");
        assertThatThrownBy(() -> plot.render(new double[] {1, Double.NaN}, new double[] {1, 2}))
                .hasMessageContaining("point 1 is (NaN, 2.0)");
        assertThatThrownBy(() -> ScatterPlot.builder().size(10, 10)).hasMessageContaining("size must be within");
    }
}
