package org.istanas.ops.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.istanas.api.genotype.GenotypeJson;
import org.istanas.api.network.TargetNetwork;
import org.istanas.api.network.ExportRequest;

/**
 * The sidecar JSON of an exported model: what a program needs to feed it (input name and shape, NCHW, pixels
 * scaled to [0, 1] then normalised per channel) and to read it (output names, class names), plus the genotype and
 * where the model came from.
 */
public final class ExportMetadata {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ExportMetadata() {
    }

    /** {@code model.zip} to {@code model.json}; {@code model} to {@code model.json}. */
    public static Path sidecar(Path model) {
        String name = model.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return model.resolveSibling(base + ".json");
    }

    static String json(ExportRequest request, TargetNetwork network, Path model, List<String> outputs,
                       String dataType, double selfCheckDiff, String backend) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", request.format().cliName());
        root.put("file", model.getFileName().toString());
        root.put("dl4jVersion", "1.0.0-M2.1");
        root.put("load", request.format() == org.istanas.api.network.ExportFormat.SAMEDIFF
                ? "SameDiff.load(file, false); outputs by name" : "ComputationGraph.load(file, false)");
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("name", NetworkGraph.INPUT);
        input.put("shape", List.of(-1, request.input().channels(), request.input().height(), request.input().width()));
        input.put("layout", "NCHW");
        input.put("dataType", dataType.toLowerCase(Locale.ROOT));
        root.put("input", input);
        Map<String, Object> norm = new LinkedHashMap<>();
        norm.put("mean", request.mean());
        norm.put("std", request.std());
        norm.put("formula", "x[c] = (pixel[c] / 255 - mean[c]) / std[c]");
        root.put("normalisation", norm);
        root.put("outputs", outputs);
        root.put("outputMeaning", "logits (pre-softmax), [N, classes]; class i = classNames[i]");
        root.put("classNames", request.classNames());
        root.put("genotype", GenotypeJson.toTree(network.genotype()));
        root.put("parameters", network.parameterCount());
        root.put("dilatedConvolutions", request.dilated().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        root.put("selfCheck", Map.of("backend", backend, "maxAbsLogitDiff", selfCheckDiff));
        root.putAll(request.description());
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("export metadata is not JSON-able: " + e.getMessage(), e);
        }
    }
}
