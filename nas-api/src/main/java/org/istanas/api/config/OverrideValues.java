package org.istanas.api.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses the value of a {@code key=value} override the way a user means it: {@code 50} is an integer,
 * {@code 1e-5} and {@code 0.025} are numbers, {@code true}/{@code false} booleans, {@code null} null,
 * {@code [a, b]} a list of such values, {@code "x"} or {@code 'x'} the string inside the quotes, anything else a
 * string. Jackson then converts to the record component's type, so {@code seed=2} also fills a string key.
 */
final class OverrideValues {
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private OverrideValues() {
    }

    static Object parse(String raw) {
        String value = raw.trim();
        if (value.length() >= 2 && value.startsWith("[") && value.endsWith("]")) {
            String inner = value.substring(1, value.length() - 1).trim();
            List<Object> items = new ArrayList<>();
            if (!inner.isEmpty()) {
                for (String item : inner.split(",", -1)) {
                    items.add(parse(item));
                }
            }
            return items;
        }
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        if (value.equals("null") || value.equals("~")) {
            return null;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        if (INTEGER.matcher(value).matches()) {
            BigInteger integer = new BigInteger(value.startsWith("+") ? value.substring(1) : value);
            return integer.bitLength() < 32 ? (Object) integer.intValue()
                    : integer.bitLength() < 64 ? (Object) integer.longValue() : integer;
        }
        if (DECIMAL.matcher(value).matches()) {
            return Double.parseDouble(value);
        }
        return value;
    }
}
