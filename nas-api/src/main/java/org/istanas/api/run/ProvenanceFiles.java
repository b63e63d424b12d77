package org.istanas.api.run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** Writes and reads {@code provenance.json}, and gathers the facts every provenance record carries. */
public final class ProvenanceFiles {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ProvenanceFiles() {
    }

    public static void write(Path file, Provenance provenance) throws IOException {
        AtomicFiles.write(file, JSON.writeValueAsString(provenance) + "\n");
    }

    public static Provenance read(Path file) throws IOException {
        try {
            return JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), Provenance.class);
        } catch (IOException e) {
            throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The framework version: from the nas-api jar's Maven metadata, else "dev". */
    public static String version() {
        try (InputStream in = ProvenanceFiles.class.getResourceAsStream(
                "/META-INF/maven/org.istanas/nas-api/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "dev");
            }
        } catch (IOException ignored) {
            // fall through to "dev"
        }
        String implementation = ProvenanceFiles.class.getPackage().getImplementationVersion();
        return implementation == null ? "dev" : implementation;
    }

    /**
     * The git commit of the working directory's repository ({@code git rev-parse HEAD}, with "-dirty" when there are
     * uncommitted changes), or "unknown" when git or a repository is not available.
     */
    public static String gitCommit() {
        String head = git("rev-parse", "HEAD");
        if (head == null || head.isBlank()) {
            return "unknown";
        }
        String status = git("status", "--porcelain", "--untracked-files=no");
        return head.strip() + (status != null && !status.isBlank() ? "-dirty" : "");
    }

    /** Java version, OS and processors. */
    public static Map<String, String> runtime() {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
        r.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        r.put("processors", Integer.toString(Runtime.getRuntime().availableProcessors()));
        return r;
    }

    /** Current UTC time, second precision, ISO-8601. */
    public static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String git(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return null;
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
