package org.istanas.report.html;

import java.util.Objects;

/**
 * A self-contained HTML page: inline CSS, inline SVG and data-URI images only, no script or style from elsewhere,
 * so that it opens from disk with no network and no server. A three-line inline script records in the DOM that the
 * page ran without a JavaScript error ({@code <body data-report="ok">}); the browser test reads that marker.
 */
public final class Page {
    private static final String CSS = """
            body{font-family:Helvetica,Arial,sans-serif;margin:24px auto;max-width:1280px;color:#222;padding:0 16px}
            h1{font-size:22px;margin-bottom:4px}h2{font-size:18px;border-bottom:1px solid #ddd;padding-bottom:4px;margin-top:28px}
            h3{font-size:15px;margin:14px 0 6px}
            table{border-collapse:collapse;font-size:13px;margin:6px 0}
            th,td{border:1px solid #ddd;padding:3px 7px;text-align:left;vertical-align:top}
            th{background:#f4f4f4}table.kv th{width:180px}
            pre{background:#f7f7f7;border:1px solid #e4e4e4;padding:8px;font-size:12px;overflow:auto;max-height:420px}
            .charts{display:flex;flex-wrap:wrap;gap:12px}.chart{flex:1 1 560px;max-width:640px}
            .chart svg{width:100%;height:auto}.files{font-size:12px;color:#555}
            .note{color:#555;font-size:13px}.hint{background:#fff8e0;border:1px solid #ecd98a;padding:6px 10px;font-size:13px}
            .cells svg{max-width:100%;height:auto}img{max-width:100%}
            table.heat{font-size:10px}table.heat td{padding:0;width:14px;height:11px;border:1px solid #fff}
            table.heat td.s{outline:2px solid #d62728;outline-offset:-2px}table.heat th{font-weight:normal;padding:0 4px;white-space:nowrap}
            table.heat th.node{font-weight:bold;background:#e8eef6}
            td.changed{background:#fff1c2}.heats{display:flex;flex-wrap:wrap;gap:24px}
            .problems{color:#a40000}
            """;

    private final String title;
    private final StringBuilder body = new StringBuilder();

    public Page(String title) {
        this.title = Objects.requireNonNull(title, "title is null");
    }

    /** Appends HTML to the body. */
    public Page add(String html) {
        body.append(html);
        return this;
    }

    public String render() {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + Html.escape(title) + "</title>\n<style>\n" + CSS + "</style>\n"
                + "<script>window.onerror=function(m){document.documentElement.setAttribute('data-error',String(m));};"
                + "</script>\n</head>\n<body>\n<h1>" + Html.escape(title) + "</h1>\n" + body
                + "<script>document.body.setAttribute('data-report','ok');</script>\n</body></html>\n";
    }
}
