package org.istanas.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a generated report.html in headless Chromium (Debian's {@code chromium}, which .ci/run installs): the page
 * must run its inline script without a JavaScript error, log nothing to the console, and hold the curves and the
 * cells once rendered; a screenshot is kept in target/ for a look. Skipped, with that reason, where Chromium is
 * not installed.
 */
final class ReportInBrowserTest {
    private static Path chromium;

    @TempDir
    Path dir;

    @BeforeAll
    static void findChromium() {
        for (String candidate : new String[] {"/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
            if (Files.isExecutable(Path.of(candidate))) {
                chromium = Path.of(candidate);
                return;
            }
        }
    }

    private record Browser(String stdout, String stderr) {
    }

    private Browser run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--no-first-run", "--hide-scrollbars", "--user-data-dir=" + dir.resolve("profile"),
                "--enable-logging=stderr", "--v=0"));
        command.addAll(List.of(args));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("chromium did not finish within 180 s: " + command);
        }
        return new Browser(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void theReportRendersWithoutErrorsAndShowsCurvesAndCells() throws Exception {
        assumeTrue(chromium != null, "Chromium is not installed (apt-get install chromium; .ci/run installs it)");
        Path run = RunFixture.search(dir.resolve("run"), true);
        Path report = RunReport.write(run);

        Browser dom = run("--virtual-time-budget=5000", "--dump-dom", report.toUri().toString());
        // the inline script ran to its end and window.onerror never fired
        assertThat(dom.stdout()).contains("data-report=\"ok\"").doesNotContain("data-error=");
        // Chromium reports console messages and uncaught errors as CONSOLE lines on stderr
        assertThat(dom.stderr()).doesNotContain("CONSOLE").doesNotContain("Uncaught");
        assertThat(dom.stdout()).contains("id=\"curve-loss\"").contains("id=\"curve-accuracy\"")
                .contains("train_loss").contains("valid_acc")
                .contains("id=\"cells\"").contains("sep_conv_3x3").contains("avg_pool_3x3");

        Path screenshot = Path.of("target", "report-screenshot.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        run("--window-size=1280,1800", "--screenshot=" + screenshot, report.toUri().toString());
        BufferedImage image = ImageIO.read(screenshot.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).isEqualTo(1800);
        assertThat(distinctColours(image)).as("a rendered page, not a blank one").isGreaterThan(50);
    }

    private static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
