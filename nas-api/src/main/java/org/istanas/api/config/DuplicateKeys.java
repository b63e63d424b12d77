package org.istanas.api.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Rejects a key given twice in one mapping of a YAML or JSON file. Jackson's tree reader keeps the last value
 * silently, so a stale line higher up in a long config would be ignored without a word.
 */
final class DuplicateKeys {
    private DuplicateKeys() {
    }

    /** @throws ConfigException {@code FILE: key 'epochs' is given twice (lines 3 and 9)} */
    static void check(ObjectMapper reader, String text, String source) throws IOException {
        Deque<Map<String, Integer>> open = new ArrayDeque<>();
        Deque<String> path = new ArrayDeque<>();
        String pendingName = null;
        try (JsonParser parser = reader.getFactory().createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                switch (token) {
                    case START_OBJECT -> {
                        open.push(new HashMap<>());
                        path.push(pendingName == null ? "" : pendingName);
                        pendingName = null;
                    }
                    case END_OBJECT -> {
                        open.pop();
                        path.pop();
                    }
                    case FIELD_NAME -> {
                        String name = parser.currentName();
                        int line = parser.currentTokenLocation().getLineNr();
                        Integer first = open.peek().putIfAbsent(name, line);
                        if (first != null) {
                            throw new ConfigException(source + ": key '" + dotted(path, name) + "' is given twice"
                                    + " (lines " + first + " and " + line + "); keep one");
                        }
                        pendingName = name;
                    }
                    default -> pendingName = token == JsonToken.START_ARRAY ? null : pendingName;
                }
            }
        }
    }

    private static String dotted(Deque<String> path, String name) {
        StringBuilder key = new StringBuilder();
        path.descendingIterator().forEachRemaining(part -> {
            if (!part.isEmpty()) {
                key.append(part).append('.');
            }
        });
        return key.append(name).toString();
    }
}
