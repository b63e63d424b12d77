package org.istanas.api.genotype;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.istanas.api.run.AtomicFiles;

/**
 * The JSON form of a genotype:
 * <pre>{@code
 * {"normal": [["sep_conv_3x3", 0], ["sep_conv_3x3", 1], ...], "normalConcat": [2, 3, 4, 5],
 *  "reduce": [["max_pool_3x3", 0], ...], "reduceConcat": [2, 3, 4, 5]}
 * }</pre>
 * Reading is strict: a missing or unknown field, a malformed entry or an invalid structure is an
 * {@link IllegalArgumentException} whose message starts with the source (usually the file name) and names the
 * field or entry.
 */
public final class GenotypeJson {
    static final Set<String> FIELDS = Set.of("normal", "normalConcat", "reduce", "reduceConcat");
    private static final List<String> FIELD_ORDER = List.of("normal", "normalConcat", "reduce", "reduceConcat");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private GenotypeJson() {
    }

    /** Readable JSON, one intermediate node (two entries) per line, fields in the documented order. */
    public static String toJson(Genotype genotype) {
        Objects.requireNonNull(genotype, "genotype is null");
        StringBuilder out = new StringBuilder("{\n");
        appendEdges(out, "normal", genotype.normal());
        appendInts(out, "normalConcat", genotype.normalConcat());
        appendEdges(out, "reduce", genotype.reduce());
        appendInts(out, "reduceConcat", genotype.reduceConcat());
        out.setLength(out.length() - 2);
        return out.append("\n}\n").toString();
    }

    /** The genotype as a Jackson tree, for embedding in larger JSON documents (search results, provenance). */
    public static ObjectNode toTree(Genotype genotype) {
        Objects.requireNonNull(genotype, "genotype is null");
        ObjectNode root = MAPPER.createObjectNode();
        for (CellType type : CellType.values()) {
            String cell = GenotypeValidator.cellName(type);
            ArrayNode edges = root.putArray(cell);
            for (GenotypeEdge edge : genotype.edges(type)) {
                edges.addArray().add(edge.op()).add(edge.input());
            }
            ArrayNode concat = root.putArray(cell + "Concat");
            genotype.concat(type).forEach(concat::add);
        }
        return root;
    }

    /**
     * A Jackson module that writes and reads {@link Genotype} fields in this format, for documents that embed a
     * genotype (search results, provenance): {@code mapper.registerModule(GenotypeJson.jacksonModule())}.
     */
    public static Module jacksonModule() {
        return new SimpleModule("istanas-genotype")
                .addSerializer(Genotype.class, new StdSerializer<>(Genotype.class) {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public void serialize(Genotype value, JsonGenerator generator, SerializerProvider provider)
                            throws IOException {
                        generator.writeTree(toTree(value));
                    }
                })
                .addDeserializer(Genotype.class, new StdDeserializer<>(Genotype.class) {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public Genotype deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                        String where = parser.currentLocation() == null ? "genotype"
                                : "genotype at line " + parser.currentLocation().getLineNr();
                        JsonNode tree = parser.readValueAsTree();
                        try {
                            return fromTree(tree, where);
                        } catch (IllegalArgumentException e) {
                            throw JsonMappingException.from(parser, e.getMessage(), e);
                        }
                    }
                });
    }

    /**
     * Parses JSON text.
     *
     * @param source what the text came from (a file name), used as the prefix of error messages
     */
    public static Genotype parse(String json, String source) {
        Objects.requireNonNull(json, "json is null");
        Objects.requireNonNull(source, "source is null");
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not valid JSON: " + e.getOriginalMessage()
                    + locationOf(e));
        }
        return fromTree(root, source);
    }

    /** Reads a genotype from a JSON tree (e.g. a field of a larger document). */
    public static Genotype fromTree(JsonNode root, String source) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + ": expected a JSON object with fields " + FIELD_ORDER);
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException(source + ": unknown field '" + name + "'; expected " + FIELD_ORDER);
            }
        }
        try {
            return new Genotype(edges(root, "normal", source), ints(root, "normalConcat", source),
                    edges(root, "reduce", source), ints(root, "reduceConcat", source));
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(source + ":")) {
                throw e;
            }
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    /** Reads a genotype file; errors name the file. */
    public static Genotype read(Path file) throws IOException {
        Objects.requireNonNull(file, "file is null");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no such genotype file");
        }
        return parse(text, file.toString());
    }

    /** Writes a genotype file atomically ({@link AtomicFiles}). */
    public static void write(Path file, Genotype genotype) throws IOException {
        Objects.requireNonNull(file, "file is null");
        AtomicFiles.write(file, toJson(genotype));
    }

    /** Like {@link #read(Path)} for callers that cannot handle checked exceptions. */
    public static Genotype readUnchecked(Path file) {
        try {
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read genotype: " + e.getMessage(), e);
        }
    }

    private static JsonNode field(JsonNode root, String name, String source) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException(source + ": missing field '" + name + "'");
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException(source + ": field '" + name + "' must be an array, got "
                    + node.getNodeType().toString().toLowerCase());
        }
        return node;
    }

    private static List<GenotypeEdge> edges(JsonNode root, String name, String source) {
        JsonNode array = field(root, name, source);
        List<GenotypeEdge> edges = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode entry = array.get(i);
            if (!entry.isArray() || entry.size() != 2 || !entry.get(0).isTextual() || !entry.get(1).isInt()) {
                throw new IllegalArgumentException(source + ": " + name + "[" + i + "] = " + entry
                        + " is not an [\"operation\", input-node] pair");
            }
            edges.add(new GenotypeEdge(entry.get(0).asText(), entry.get(1).asInt()));
        }
        return edges;
    }

    private static List<Integer> ints(JsonNode root, String name, String source) {
        JsonNode array = field(root, name, source);
        List<Integer> values = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode entry = array.get(i);
            if (!entry.isInt()) {
                throw new IllegalArgumentException(source + ": " + name + "[" + i + "] = " + entry
                        + " is not a node index");
            }
            values.add(entry.asInt());
        }
        return values;
    }

    private static void appendEdges(StringBuilder out, String name, List<GenotypeEdge> edges) {
        out.append("  \"").append(name).append("\": [");
        for (int i = 0; i < edges.size(); i++) {
            GenotypeEdge edge = edges.get(i);
            out.append(i == 0 ? "" : i % 2 == 0 ? ",\n    " : ", ");
            out.append("[").append(quote(edge.op())).append(", ").append(edge.input()).append("]");
        }
        out.append("],\n");
    }

    private static void appendInts(StringBuilder out, String name, List<Integer> values) {
        out.append("  \"").append(name).append("\": ").append(values.toString()).append(",\n");
    }

    private static String quote(String text) {
        try {
            return MAPPER.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String locationOf(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }
}
