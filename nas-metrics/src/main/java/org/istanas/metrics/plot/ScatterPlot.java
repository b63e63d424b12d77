package org.istanas.metrics.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.istanas.metrics.io.AtomicOutput;

/**
 * A scatter plot of paired values, e.g. search-time accuracy (x) against stand-alone accuracy (y) of the
 * architectures found by several searches, with the rank correlation in the title ({@code "τ-b = 0.62"}).
 * Immutable; build with {@link #builder()}. Rendering uses Java 2D only and is safe with
 * {@code -Djava.awt.headless=true}.
 */
public final class ScatterPlot {
    static final int LEFT = 80;
    static final int RIGHT = 30;
    static final int TOP = 50;
    static final int BOTTOM = 60;
    private static final Color POINT_FILL = new Color(31, 119, 180, 150);
    private static final Color POINT_EDGE = new Color(20, 70, 120);
    private static final Color GRID = new Color(225, 225, 225);
    private static final double POINT_RADIUS = 4.5;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final int width;
    private final int height;

    private ScatterPlot(Builder b) {
        this.title = b.title;
        this.xLabel = b.xLabel;
        this.yLabel = b.yLabel;
        this.width = b.width;
        this.height = b.height;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Draws the plot.
     *
     * @throws IllegalArgumentException for empty, unequal-length or non-finite input
     */
    public BufferedImage render(double[] x, double[] y) {
        check(x, y);
        AxisScale xs = AxisScale.forData(min(x), max(x));
        AxisScale ys = AxisScale.forData(min(y), max(y));
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            double plotW = width - LEFT - RIGHT;
            double plotH = height - TOP - BOTTOM;

            Font tickFont = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
            g.setFont(tickFont);
            FontMetrics fm = g.getFontMetrics();
            g.setStroke(new BasicStroke(1f));
            for (double t : xs.ticks()) {
                double px = LEFT + xs.fraction(t) * plotW;
                g.setColor(GRID);
                g.draw(new Line2D.Double(px, TOP, px, TOP + plotH));
                g.setColor(Color.DARK_GRAY);
                String label = format(t, xs.decimals());
                g.drawString(label, (float) (px - fm.stringWidth(label) / 2.0), (float) (TOP + plotH + 6 + fm.getAscent()));
            }
            for (double t : ys.ticks()) {
                double py = TOP + (1 - ys.fraction(t)) * plotH;
                g.setColor(GRID);
                g.draw(new Line2D.Double(LEFT, py, LEFT + plotW, py));
                g.setColor(Color.DARK_GRAY);
                String label = format(t, ys.decimals());
                g.drawString(label, (float) (LEFT - 8 - fm.stringWidth(label)), (float) (py + fm.getAscent() / 2.0 - 1));
            }
            g.setColor(Color.BLACK);
            g.drawRect(LEFT, TOP, (int) plotW, (int) plotH);

            for (int i = 0; i < x.length; i++) {
                double px = LEFT + xs.fraction(x[i]) * plotW;
                double py = TOP + (1 - ys.fraction(y[i])) * plotH;
                Ellipse2D dot = new Ellipse2D.Double(px - POINT_RADIUS, py - POINT_RADIUS, 2 * POINT_RADIUS,
                        2 * POINT_RADIUS);
                g.setColor(POINT_FILL);
                g.fill(dot);
                g.setColor(POINT_EDGE);
                g.draw(dot);
            }

            g.setColor(Color.BLACK);
            drawCentered(g, title, new Font(Font.SANS_SERIF, Font.BOLD, 16), width / 2.0, TOP - 18);
            Font labelFont = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
            drawCentered(g, xLabel, labelFont, LEFT + plotW / 2, height - 16);
            AffineTransform saved = g.getTransform();
            g.rotate(-Math.PI / 2);
            // After rotating by -90 degrees, drawing at (-cy, cx) puts the text centre at screen (cx, cy).
            drawCentered(g, yLabel, labelFont, -(TOP + plotH / 2), 22);
            g.setTransform(saved);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Renders and writes the plot as PNG, atomically. */
    public void writePng(Path file, double[] x, double[] y) throws IOException {
        Objects.requireNonNull(file, "file is null");
        BufferedImage image = render(x, y);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", png)) {
            throw new IOException("no PNG writer available in this Java runtime");
        }
        AtomicOutput.write(file, png.toByteArray());
    }

    private static void drawCentered(Graphics2D g, String text, Font font, double cx, double baseline) {
        if (text.isEmpty()) {
            return;
        }
        g.setFont(font);
        String shown = displayable(font, text);
        g.drawString(shown, (float) (cx - g.getFontMetrics().stringWidth(shown) / 2.0), (float) baseline);
    }

    /** The text, or a spelled-out version when the font lacks a glyph (e.g. τ on a system without such fonts). */
    static String displayable(Font font, String text) {
        if (font.canDisplayUpTo(text) == -1) {
            return text;
        }
        String spelled = text.replace("τ", "tau").replace("ρ", "rho").replace("±", "+/-").replace("≥", ">=")
                .replace("≤", "<=");
        StringBuilder ascii = new StringBuilder();
        spelled.codePoints().forEach(c -> ascii.appendCodePoint(font.canDisplay(c) ? c : '?'));
        return ascii.toString();
    }

    private static String format(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static void check(double[] x, double[] y) {
        Objects.requireNonNull(x, "x is null");
        Objects.requireNonNull(y, "y is null");
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y must have the same length, got " + x.length + " and " + y.length);
        }
        if (x.length == 0) {
            throw new IllegalArgumentException("nothing to plot: x and y are empty");
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException("point " + i + " is (" + x[i] + ", " + y[i]
                        + "); only finite values can be plotted");
            }
        }
    }

    private static double min(double[] v) {
        double m = v[0];
        for (double d : v) {
            m = Math.min(m, d);
        }
        return m;
    }

    private static double max(double[] v) {
        double m = v[0];
        for (double d : v) {
            m = Math.max(m, d);
        }
        return m;
    }

    /** Builder with defaults: no title, axis labels "x" and "y", 800 x 600 pixels. */
    public static final class Builder {
        private String title = "";
        private String xLabel = "x";
        private String yLabel = "y";
        private int width = 800;
        private int height = 600;

        private Builder() {
        }

        /** Title above the plot, e.g. {@code "τ-b = 0.62 (n = 10)"}. */
        public Builder title(String title) {
            this.title = Objects.requireNonNull(title, "title is null");
            return this;
        }

        public Builder xLabel(String xLabel) {
            this.xLabel = Objects.requireNonNull(xLabel, "xLabel is null");
            return this;
        }

        public Builder yLabel(String yLabel) {
            this.yLabel = Objects.requireNonNull(yLabel, "yLabel is null");
            return this;
        }

        /** Image size in pixels, at least 300 x 200 so that the plot area is not empty. */
        public Builder size(int width, int height) {
            if (width < 300 || height < 200 || width > 10_000 || height > 10_000) {
                throw new IllegalArgumentException("size must be within 300x200 and 10000x10000, got "
                        + width + "x" + height);
            }
            this.width = width;
            this.height = height;
            return this;
        }

        public ScatterPlot build() {
            return new ScatterPlot(this);
        }
    }
}
