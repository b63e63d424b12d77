package org.istanas.metrics.plot;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.istanas.api.run.AtomicFiles;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Draws a JFreeChart chart as PNG (Java 2D, works headless) or as SVG (JFreeSVG, text kept as text so that a paper's
 * figure stays sharp and searchable), and writes both atomically.
 */
public final class ChartFiles {
    private ChartFiles() {
    }

    /** The chart drawn at {@code width x height} pixels; {@code info} (may be null) receives the plot area. */
    public static BufferedImage image(JFreeChart chart, int width, int height, ChartRenderingInfo info) {
        Objects.requireNonNull(chart, "chart is null");
        return chart.createBufferedImage(width, height, BufferedImage.TYPE_INT_RGB, info);
    }

    public static byte[] png(JFreeChart chart, int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image(chart, width, height, null), "png", out)) {
                throw new IllegalStateException("no PNG writer available in this Java runtime");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The chart as one {@code <svg>} element with a view box, so that it scales when inlined in HTML. {@code id}
     * prefixes the element's clip-path ids: several charts on one page must not share them (and a fixed prefix
     * keeps the output the same from run to run).
     */
    public static String svg(JFreeChart chart, int width, int height, String id) {
        Objects.requireNonNull(chart, "chart is null");
        Objects.requireNonNull(id, "id is null");
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setDefsKeyPrefix(id + "-");
        chart.draw(g, new Rectangle(0, 0, width, height));
        return g.getSVGElement(id, true, new ViewBox(0, 0, width, height), null, null);
    }

    /** Writes {@code base.png} and {@code base.svg} (base is a path without extension). */
    public static void write(Path base, JFreeChart chart, int width, int height) throws IOException {
        Objects.requireNonNull(base, "base is null");
        String name = base.getFileName().toString();
        AtomicFiles.write(base.resolveSibling(name + ".png"), png(chart, width, height));
        String svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg(chart, width, height, name) + "\n";
        AtomicFiles.write(base.resolveSibling(name + ".svg"), svg.getBytes(StandardCharsets.UTF_8));
    }
}
