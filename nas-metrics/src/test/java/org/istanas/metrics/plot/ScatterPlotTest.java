package org.istanas.metrics.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartRenderingInfo;
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
        // Data in [0, 10] with a 3% margin on both sides: the axes run from -0.3 to 10.3, so the points 0, 5 and 10
        // sit at the fractions 0.3/10.6, 5.3/10.6 and 10.3/10.6 of the plot area (read from the rendering info).
        ScatterPlot plot = ScatterPlot.builder().title("τ-b = 1.00").xLabel("search").yLabel("eval").size(400, 300)
                .build();
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage image = plot.render(new double[] {0, 5, 10}, new double[] {0, 5, 10}, info);
        assertThat(image.getWidth()).isEqualTo(400);
        assertThat(image.getHeight()).isEqualTo(300);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        for (double v : new double[] {0, 5, 10}) {
            double f = (v + 0.3) / 10.6;
            int px = (int) Math.round(area.getMinX() + f * area.getWidth());
            int py = (int) Math.round(area.getMaxY() - f * area.getHeight());
            assertThat(isPointColour(image.getRGB(px, py))).as("point at %s", v).isTrue();
        }
        // Off the diagonal there is no point.
        int qx = (int) (area.getMinX() + area.getWidth() / 4);
        int qy = (int) (area.getMinY() + area.getHeight() / 4);
        assertThat(isPointColour(image.getRGB(qx, qy))).isFalse();
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
    void writesSvgWithTheTitleAsText() throws IOException {
        Path file = dir.resolve("scatter.svg");
        ScatterPlot.builder().title("tau-b = 0.50 (n = 3)").xLabel("search accuracy").build()
                .writeSvg(file, new double[] {1, 2, 3}, new double[] {2, 1, 3});
        String svg = Files.readString(file);
        assertThat(svg).startsWith("<?xml").contains("<svg").contains("tau-b = 0.50 (n = 3)")
                .contains("search accuracy").endsWith("</svg>\n");
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
