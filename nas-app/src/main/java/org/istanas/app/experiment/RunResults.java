package org.istanas.app.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.istanas.api.genotype.GenotypeJson;
import org.istanas.api.run.RunFolder;
import org.istanas.api.search.SearchOutcome;
import org.istanas.app.embed.EvaluationBuilder;
import org.istanas.app.embed.EvaluationReport;
import org.istanas.app.embed.SearchBuilder;
import org.istanas.app.embed.SearchReport;
import org.istanas.metrics.SeedSummary;
import org.istanas.search.toolkit.eval.EvaluationResult;

/**
 * The outcome of a finished {@link RunsExperiment}, read back from its run folders' result.json and genotype.json,
 * with the parent's summary written as {@code search --runs} and {@code evaluate --seeds} write it in one go.
 */
final class RunResults {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunResults() {
    }

    /** A run's genotype.json: a nas-bench-201 file by its {@code "space"} field, else a DARTS genotype. */
    static org.istanas.api.space.Architecture architecture(Path file) throws IOException {
        String text = java.nio.file.Files.readString(file);
        JsonNode tree = JSON.readTree(text);
        if (tree.path("space").asText().equals(org.istanas.api.space.nb201.Nb201Cell.SPACE)) {
            return new org.istanas.api.space.nb201.Nb201Space(null).parse(text, file.toString());
        }
        return GenotypeJson.read(file);
    }

    static SearchReport search(RunsExperiment experiment) throws IOException {
        List<SearchOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < experiment.count(); i++) {
            Path run = experiment.runFolder(i);
            JsonNode r = result(run);
            Map<String, Double> metrics = new LinkedHashMap<>();
            r.path("metrics").fields().forEachRemaining(e -> metrics.put(e.getKey(), e.getValue().asDouble()));
            outcomes.add(new SearchOutcome(r.path("strategy").asText(), architecture(run.resolve(RunFolder.GENOTYPE)),
                    run, r.path("seed").asLong(), r.path("epochs").asInt(), number(r, "validAccuracy", run), metrics));
        }
        int best = 0;
        for (int i = 1; i < outcomes.size(); i++) {
            if (outcomes.get(i).validAccuracy() > outcomes.get(best).validAccuracy()) {
                best = i;
            }
        }
        SearchBuilder.writeSummary(experiment.folder(), outcomes, best);
        return new SearchReport(outcomes, best, SeedSummary.of(outcomes.stream()
                .mapToDouble(SearchOutcome::validAccuracy).toArray()), experiment.folder());
    }

    static EvaluationReport evaluation(RunsExperiment experiment,
                                       java.util.function.Function<String, org.istanas.api.space.SearchSpace> spaces)
            throws IOException {
        List<EvaluationResult> results = new ArrayList<>();
        for (int i = 0; i < experiment.count(); i++) {
            Path run = experiment.runFolder(i);
            JsonNode r = result(run);
            results.add(new EvaluationResult(org.istanas.api.space.SpaceGenotypes.resolve(
                    run.resolve(RunFolder.GENOTYPE).toString(), null, spaces), r.path("seed").asLong(),
                    r.path("epochs").asInt(), number(r, "testAccuracy", run), number(r, "testLoss", run),
                    r.path("parameters").asLong(), run));
        }
        EvaluationBuilder.writeSummary(experiment.folder(), results);
        return new EvaluationReport(results, SeedSummary.of(results.stream()
                .mapToDouble(EvaluationResult::testAccuracy).toArray()), experiment.folder());
    }

    private static JsonNode result(Path run) throws IOException {
        return JSON.readTree(run.resolve(RunFolder.RESULT).toFile());
    }

    private static double number(JsonNode r, String field, Path run) throws IOException {
        JsonNode v = r.get(field);
        if (v == null || !v.isNumber()) {
            throw new IOException(run.resolve(RunFolder.RESULT) + ": field '" + field + "' is "
                    + (v == null ? "missing" : v) + "; expected a number");
        }
        return v.asDouble();
    }
}
