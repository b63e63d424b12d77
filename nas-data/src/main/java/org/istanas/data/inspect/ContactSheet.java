package org.istanas.data.inspect;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.istanas.api.data.ImageDataset;
import org.istanas.api.data.ImageShape;
import org.istanas.api.data.ImageSplit;
import org.istanas.api.run.AtomicFiles;
import org.istanas.data.image.ImageConversion;
import org.istanas.data.image.Resampler;

/**
 * A PNG contact sheet: one row per class (class name on the left), the first {@code perClass} images of that class
 * in the split. Small images are enlarged by whole pixels, large ones reduced to about {@value #CELL} pixels.
 */
public final class ContactSheet {
    private static final int CELL = 64;
    private static final int GAP = 2;
    private static final int LABEL_WIDTH = 150;

    private ContactSheet() {
    }

    /** Renders the sheet of {@code split} (a split of {@code dataset}). */
    public static BufferedImage render(ImageDataset dataset, ImageSplit split, int perClass) {
        Objects.requireNonNull(dataset, "dataset is null");
        Objects.requireNonNull(split, "split is null");
        if (perClass < 1) {
            throw new IllegalArgumentException("perClass must be >= 1, got " + perClass);
        }
        ImageShape shape = dataset.shape();
        int classes = dataset.numClasses();
        List<List<Integer>> chosen = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            chosen.add(new ArrayList<>());
        }
        int found = 0;
        for (int i = 0; i < split.size() && found < classes * perClass; i++) {
            List<Integer> row = chosen.get(split.label(i));
            if (row.size() < perClass) {
                row.add(i);
                found++;
            }
        }
        int side = Math.max(shape.height(), shape.width());
        int zoom = side >= CELL ? 1 : (CELL + side - 1) / side;
        ImageShape cellShape = side > 2 * CELL
                ? new ImageShape(shape.channels(), Math.max(1, shape.height() * CELL * 3 / 2 / side),
                        Math.max(1, shape.width() * CELL * 3 / 2 / side))
                : shape;
        int cellW = cellShape.width() * zoom;
        int cellH = cellShape.height() * zoom;
        int width = LABEL_WIDTH + perClass * (cellW + GAP) + GAP;
        int height = classes * (cellH + GAP) + GAP;
        BufferedImage sheet = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            float[] image = new float[shape.size()];
            float[] small = new float[cellShape.size()];
            for (int c = 0; c < classes; c++) {
                int y = GAP + c * (cellH + GAP);
                drawLabel(g, dataset.classNames().get(c) + " (" + c + ")", y + cellH / 2);
                List<Integer> row = chosen.get(c);
                for (int k = 0; k < row.size(); k++) {
                    split.readImage(row.get(k), image, 0);
                    float[] pixels = image;
                    if (cellShape != shape) {
                        Resampler.resize(image, shape.channels(), shape.height(), shape.width(), 0, 0,
                                shape.height(), shape.width(), small, 0, cellShape.height(), cellShape.width());
                        pixels = small;
                    }
                    BufferedImage cell = ImageConversion.toBufferedImage(pixels, 0, cellShape, zoom);
                    g.drawImage(cell, LABEL_WIDTH + k * (cellW + GAP) + GAP, y, null);
                }
            }
        } finally {
            g.dispose();
        }
        return sheet;
    }

    /** Renders the sheet and writes it as PNG atomically ({@link AtomicFiles}). */
    public static void write(ImageDataset dataset, ImageSplit split, int perClass, Path file) throws IOException {
        Objects.requireNonNull(file, "file is null");
        BufferedImage sheet = render(dataset, split, perClass);
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(sheet, "png", out)) {
                throw new IOException("no PNG writer available to write " + file);
            }
        });
    }

    /** Draws a class name; skipped where the JVM has no fonts (a headless image without fontconfig). */
    private static void drawLabel(Graphics2D g, String text, int centreY) {
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            String shown = text.length() > 22 ? text.substring(0, 21) + "…" : text;
            g.drawString(shown, 4, centreY + 4);
        } catch (RuntimeException | LinkageError | InternalError e) {
            // no usable font: the sheet is still useful without labels (rows are in label order)
        }
    }
}
