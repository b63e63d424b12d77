package org.istanas.api.space;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;
import org.istanas.api.genotype.Genotype;
import org.istanas.api.genotype.Genotypes;

/**
 * Resolves what a user wrote for a genotype ({@code --genotype}, {@code genotype show}) into an architecture of the
 * right space: a built-in DARTS name, a genotype file (whose {@code "space"} field names its space; files without
 * one are DARTS files, the format before spaces existed) or a space's one-line form such as a NAS-Bench-201 string.
 */
public final class SpaceGenotypes {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SpaceGenotypes() {
    }

    /**
     * @param text   a built-in name, a file path or an architecture string
     * @param space  the space asked for with {@code --space}, or {@code null} to infer it
     * @param spaces looks a space up by name (throws for an unknown name)
     * @throws IllegalArgumentException naming the input and what is wrong; also when the file's space differs
     *                                  from {@code space}
     */
    public static Architecture resolve(String text, String space, Function<String, SearchSpace> spaces) {
        Objects.requireNonNull(text, "text is null");
        Objects.requireNonNull(spaces, "spaces is null");
        Path file = Path.of(text.startsWith("|") ? "." : text);
        if (!text.startsWith("|") && Files.isRegularFile(file)) {
            String content;
            try {
                content = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(file + ": cannot read genotype: " + e.getMessage(), e);
            }
            String declared = declaredSpace(content, file.toString());
            if (space != null && !space.equals(declared)) {
                throw new IllegalArgumentException(file + ": a " + declared + " genotype, but --space is " + space);
            }
            return spaces.apply(declared).parse(content, file.toString());
        }
        String chosen = space != null ? space : text.startsWith("|") ? "nas-bench-201" : Genotype.SPACE;
        if (chosen.equals(Genotype.SPACE)) {
            spaces.apply(chosen);
            return Genotypes.resolve(text);
        }
        return spaces.apply(chosen).parse(text, "genotype '" + text + "'");
    }

    /** The {@code "space"} field of a genotype file, {@code darts} when it has none. */
    static String declaredSpace(String content, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(content);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + ": expected a JSON object");
        }
        JsonNode space = root.get("space");
        if (space == null) {
            return Genotype.SPACE;
        }
        if (!space.isTextual() || space.asText().isBlank()) {
            throw new IllegalArgumentException(source + ": field 'space' must be a space name, got " + space);
        }
        return space.asText();
    }
}
