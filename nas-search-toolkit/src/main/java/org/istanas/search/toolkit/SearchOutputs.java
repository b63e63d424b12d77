package org.istanas.search.toolkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.istanas.api.genotype.GenotypeDot;
import org.istanas.api.genotype.GenotypeJson;
import org.istanas.api.run.AtomicFiles;
import org.istanas.api.run.RunFolder;
import org.istanas.api.search.SearchOutcome;
import org.istanas.api.space.SearchSpace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files a finished search leaves in its run folder besides metrics: genotype.json, cells.dot (and cells.svg /
 * cells.png when Graphviz's {@code dot} is on the PATH) and result.json. Every strategy writes them the same way.
 */
public final class SearchOutputs {
    private static final Logger LOG = LoggerFactory.getLogger(SearchOutputs.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SearchOutputs() {
    }

    public static void write(RunFolder folder, SearchOutcome outcome) throws IOException {
        write(folder, outcome, Map.of());
    }

    /**
     * As {@link #write(RunFolder, SearchOutcome)} for an architecture of {@code space} ({@code null}: a DARTS
     * genotype): the space's codec writes genotype.json and cells.dot.
     */
    public static void write(RunFolder folder, SearchOutcome outcome, SearchSpace space) throws IOException {
        write(folder, outcome, space, Map.of());
    }

    /** As {@link #write(RunFolder, SearchOutcome)}, with strategy-specific entries added to result.json. */
    public static void write(RunFolder folder, SearchOutcome outcome, Map<String, Object> extra) throws IOException {
        write(folder, outcome, null, extra);
    }

    /**
     * As {@link #write(RunFolder, SearchOutcome, SearchSpace)}, with strategy-specific entries added to result.json.
     *
     * @param space the architecture's space, or {@code null} for a DARTS genotype
     */
    public static void write(RunFolder folder, SearchOutcome outcome, SearchSpace space, Map<String, Object> extra)
            throws IOException {
        Object genotypeTree;
        if (space == null) {
            GenotypeJson.write(folder.genotype(), outcome.genotype());
            AtomicFiles.write(folder.cellsDot(), GenotypeDot.render(outcome.genotype()));
            genotypeTree = GenotypeJson.toTree(outcome.genotype());
        } else {
            String json = space.toJson(outcome.architecture());
            AtomicFiles.write(folder.genotype(), json.endsWith("\n") ? json : json + "\n");
            AtomicFiles.write(folder.cellsDot(), space.dot(outcome.architecture()));
            genotypeTree = JSON.readTree(json);
        }
        render(folder.cellsDot(), "svg");
        render(folder.cellsDot(), "png");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("strategy", outcome.strategy());
        result.put("seed", outcome.seed());
        result.put("epochs", outcome.epochs());
        result.put("validAccuracy", outcome.validAccuracy());
        result.put("metrics", outcome.metrics());
        result.putAll(extra);
        result.put("genotype", genotypeTree);
        AtomicFiles.write(folder.result(), JSON.writeValueAsString(result) + "\n");
    }

    private static void render(Path dotFile, String format) {
        Path target = dotFile.resolveSibling("cells." + format);
        try {
            Process p = new ProcessBuilder("dot", "-T" + format, "-o", target.toString(), dotFile.toString())
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            LOG.debug("Graphviz dot not available, {} not written", target);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
