package org.istanas.api.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Parses the value of a {@code key=value} override as the YAML scalar or flow sequence it would be in a config file
 * (Jackson's YAML reader, SnakeYAML underneath): {@code 50} is an integer, {@code 1e-5} and {@code 0.025} are numbers,
 * {@code true}/{@code false} booleans, {@code null} null, {@code [a, b]} a list, and quoting works as in YAML:
 * {@code 'a,b'} and {@code "x"} are the strings inside the quotes, {@code ["a,b", c]} a list of two strings. A
 * value that YAML reads as a mapping ({@code a: b}, {@code {x}}) or as nothing but a comment stays the text as
 * typed. Jackson then converts to the record component's type, so {@code seed=2} also fills a string key.
 */
final class OverrideValues {
    /** Reads one value; text after it ({@code [a] b}) is an error, not dropped. */
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private OverrideValues() {
    }

    /**
     * @throws IllegalArgumentException when the value is not valid YAML (an unclosed quote or bracket), saying
     *                                  where and how to quote it
     */
    static Object parse(String raw) {
        String value = raw.trim();
        if (value.isEmpty()) {
            return value;
        }
        JsonNode node;
        try {
            node = YAML.readTree(value);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
            throw new IllegalArgumentException("not a YAML value" + where + " (" + problem(e)
                    + "); quote a text as in YAML, e.g. name='a, b' or name=\"it's\"", e);
        }
        if (node == null || node.isMissingNode() || node.isObject()) {
            return value;
        }
        return YAML.convertValue(node, Object.class);
    }

    /**
     * SnakeYAML's message says what it was reading, where, then what is wrong, each on a line of its own followed by
     * indented location lines: the last unindented line is the problem.
     */
    private static String problem(JsonProcessingException e) {
        return e.getOriginalMessage().lines().filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .reduce((first, second) -> second).orElse(e.getOriginalMessage()).strip();
    }

    /** Whether {@code text} given as a value reads back as that same text (else it must be quoted to stay one). */
    static boolean readsBackAsItself(String text) {
        try {
            return text.equals(parse(text));
        } catch (IllegalArgumentException notYaml) {
            return false;
        }
    }
}
