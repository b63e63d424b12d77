package org.istanas.app.trial;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.istanas.api.run.AtomicFiles;

/**
 * {@code trials.json} in the experiment folder: every trial with its attempts (handle, job id or pid, node, times,
 * state) and its state history. Rewritten atomically after every change, so a killed driver leaves a ledger that a
 * new driver re-attaches from: attempts still pending or running are observed again, never submitted again.
 */
public final class TrialLedger {
    public static final String FILE = "trials.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /** The file's content. */
    public static final class Content {
        public String executor;
        public Map<String, Trial> trials = new LinkedHashMap<>();
    }

    /** One trial. {@code state}: WAITING, SUBMITTING, PENDING, RUNNING, SUCCEEDED, FAILED, SKIPPED. */
    public static final class Trial {
        public String state = "WAITING";
        public String runFolder;
        public String reason;
        public List<Attempt> attempts = new ArrayList<>();
        public List<Change> history = new ArrayList<>();

        public Attempt last() {
            return attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
        }
    }

    /** One attempt; {@code mode} is {@code start} or {@code resume}. */
    public static final class Attempt {
        public int number;
        public String mode;
        public List<String> arguments;
        public String handle;
        public String handleDetail;
        public String node;
        public String state;
        public String detail;
        public String submitted;
        public String started;
        public String ended;
    }

    /** A state change. */
    public static final class Change {
        public String time;
        public int attempt;
        public String state;
        public String detail;

        public Change() {
        }

        Change(String time, int attempt, String state, String detail) {
            this.time = time;
            this.attempt = attempt;
            this.state = state;
            this.detail = detail;
        }
    }

    private final Path file;
    private final Content content;

    private TrialLedger(Path file, Content content) {
        this.file = file;
        this.content = content;
    }

    /** The ledger of {@code experiment}, empty when there is none yet. */
    public static TrialLedger open(Path experiment) throws IOException {
        Path file = experiment.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return new TrialLedger(file, new Content());
        }
        try {
            return new TrialLedger(file, JSON.readValue(file.toFile(), Content.class));
        } catch (IOException e) {
            throw new IOException(file + " is not a trial ledger (" + e.getMessage() + ")", e);
        }
    }

    public Content content() {
        return content;
    }

    public Trial trial(String id) {
        return content.trials.computeIfAbsent(id, k -> new Trial());
    }

    public void save() throws IOException {
        AtomicFiles.write(file, JSON.writeValueAsString(content) + "\n");
    }
}
