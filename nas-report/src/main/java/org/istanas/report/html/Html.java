package org.istanas.report.html;

import java.util.Base64;
import java.util.List;

/** Small HTML fragments with escaping; the report pages are built from these and nothing else. */
public final class Html {
    private Html() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A table of text cells (escaped); {@code header} may be empty. */
    public static String table(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder("<table>");
        if (!header.isEmpty()) {
            out.append("<thead><tr>");
            header.forEach(h -> out.append("<th>").append(escape(h)).append("</th>"));
            out.append("</tr></thead>");
        }
        out.append("<tbody>");
        for (List<String> row : rows) {
            out.append("<tr>");
            row.forEach(c -> out.append("<td>").append(escape(c)).append("</td>"));
            out.append("</tr>");
        }
        return out.append("</tbody></table>\n").toString();
    }

    /** A two-column key/value table. */
    public static String keyValues(List<List<String>> pairs) {
        StringBuilder out = new StringBuilder("<table class=\"kv\"><tbody>");
        for (List<String> p : pairs) {
            out.append("<tr><th>").append(escape(p.get(0))).append("</th><td>").append(escape(p.get(1)))
                    .append("</td></tr>");
        }
        return out.append("</tbody></table>\n").toString();
    }

    public static String pre(String text) {
        return "<pre>" + escape(text) + "</pre>\n";
    }

    /** A PNG inlined as a data URI, so that the page needs no other file. */
    public static String png(byte[] png, String alt) {
        return "<img alt=\"" + escape(alt) + "\" src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(png) + "\">\n";
    }

    public static String note(String text) {
        return "<p class=\"note\">" + escape(text) + "</p>\n";
    }

    /** A section with a heading; {@code body} is HTML. */
    public static String section(String id, String title, String body) {
        return "<section id=\"" + escape(id) + "\"><h2>" + escape(title) + "</h2>\n" + body + "</section>\n";
    }
}
