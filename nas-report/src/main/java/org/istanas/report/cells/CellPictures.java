package org.istanas.report.cells;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.istanas.api.genotype.Genotype;
import org.istanas.api.genotype.GenotypeDot;
import org.istanas.api.genotype.GenotypeText;
import org.istanas.report.html.Html;

/**
 * The two cells of a genotype for a report: drawn by Graphviz's {@code dot} as inline SVG when it is installed,
 * otherwise as the text drawing with a hint saying how to get the picture.
 */
public final class CellPictures {
    /** The hint shown when Graphviz is missing. */
    public static final String NO_DOT_HINT = "Graphviz 'dot' was not found on the PATH, so the cells are shown as "
            + "text. Install Graphviz (e.g. apt-get install graphviz) and run: istanas report --run <folder>";

    private final String dot;

    /** Uses {@code dot} from the PATH. */
    public CellPictures() {
        this("dot");
    }

    /** Uses the given Graphviz command (tests pass a missing one to see the text fallback). */
    public CellPictures(String dotCommand) {
        this.dot = Objects.requireNonNull(dotCommand, "dotCommand is null");
    }

    /** The cells as SVG drawn by {@code dot}, or empty when {@code dot} is missing or fails. */
    public Optional<String> svg(Genotype genotype) {
        return render(GenotypeDot.render(genotype), "svg").map(b -> inlineable(new String(b, StandardCharsets.UTF_8)));
    }

    /** The cells as PNG drawn by {@code dot}, or empty. */
    public Optional<byte[]> png(Genotype genotype) {
        return render(GenotypeDot.render(genotype), "png");
    }

    /** HTML for the cells: the SVG picture, or the text drawing and {@link #NO_DOT_HINT}. */
    public String html(Genotype genotype) {
        Optional<String> svg = svg(genotype);
        if (svg.isPresent()) {
            return "<div class=\"cells\">" + svg.get() + "</div>\n";
        }
        return Html.pre(GenotypeText.render(genotype)) + "<p class=\"hint\">" + Html.escape(NO_DOT_HINT) + "</p>\n";
    }

    private Optional<byte[]> render(String dotText, String format) {
        Process p;
        try {
            p = new ProcessBuilder(dot, "-T" + format).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException missing) {
            return Optional.empty();
        }
        try {
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
            try (OutputStream in = p.getOutputStream()) {
                in.write(dotText.getBytes(StandardCharsets.UTF_8));
            }
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            byte[] bytes = out.get(5, TimeUnit.SECONDS);
            return p.exitValue() == 0 && bytes.length > 0 ? Optional.of(bytes) : Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return Optional.empty();
        } catch (Exception e) {
            p.destroyForcibly();
            return Optional.empty();
        }
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** Drops the XML prolog, DOCTYPE and comments that dot writes, which HTML does not want inside a page. */
    static String inlineable(String svg) {
        int start = svg.indexOf("<svg");
        String body = start < 0 ? svg : svg.substring(start);
        return body.replaceAll("(?s)<!--.*?-->", "").trim();
    }
}
