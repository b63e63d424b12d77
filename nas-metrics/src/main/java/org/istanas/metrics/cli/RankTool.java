package org.istanas.metrics.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.istanas.metrics.Bootstrap;
import org.istanas.metrics.BootstrapInterval;
import org.istanas.metrics.CorrelationTest;
import org.istanas.metrics.RankCorrelation;
import org.istanas.metrics.TopK;
import org.istanas.metrics.io.CsvInputException;
import org.istanas.metrics.io.CsvPairs;
import org.istanas.metrics.io.PairedColumns;
import org.istanas.metrics.io.SkippedRow;

/**
 * {@code istanas rank}: the rank correlation of two numeric CSV columns, with optional bootstrap interval and top-k
 * agreement, as text or JSON. Stateless and thread-safe.
 *
 * <p>JSON output (one object; {@code null} for an undefined number):
 * <pre>{@code
 * {"method":"kendall-b","value":0.62,"n":1000,"pValue":1.2e-40,"pValueMethod":"…","statistic":13.3,
 *  "statisticName":"z","pValueExact":null,"skipped":2,"skippedRows":[{"row":7,"reason":"x value is empty"}, …],
 *  "file":"runs.csv","x":"search_acc","y":"eval_acc",
 *  "ci":[0.58,0.66],"ciLevel":0.95,"bootstrap":1000,"seed":42,"undefinedResamples":0,     (with --bootstrap)
 *  "topK":10,"topKOverlap":0.7,"precisionAtK":0.8,"topKRandomOverlap":0.01}               (with --top-k)
 * }</pre>
 */
public final class RankTool {
    /** Exit status for success. */
    public static final int OK = 0;
    /**
     * Exit status for options that ask for something impossible: an unknown method, a column the file does not
     * have (picocli's usage-error status).
     */
    public static final int INPUT_ERROR = 2;
    /** Exit status for a file or data that cannot be used: missing, malformed, too few rows, a constant column. */
    public static final int FAILURE = 1;
    /** How every istanas message on stderr starts. */
    public static final String PREFIX = "istanas: ";

    private static final JsonFactory JSON = new JsonFactory();

    /**
     * Runs the command: prints the report on {@code out}, warnings (skipped rows) and errors on {@code err}.
     *
     * @return {@link #OK}, or {@link #INPUT_ERROR} / {@link #FAILURE} after printing {@code "istanas: <message>"}
     */
    public int run(RankOptions options, PrintWriter out, PrintWriter err) {
        Objects.requireNonNull(options, "options is null");
        Objects.requireNonNull(out, "out is null");
        Objects.requireNonNull(err, "err is null");
        RankReport report;
        try {
            report = analyze(options);
        } catch (CsvInputException | IllegalArgumentException e) {
            err.println(PREFIX + e.getMessage());
            err.flush();
            boolean usage = e instanceof org.istanas.api.UsageException
                    || e instanceof CsvInputException c && c.isMissingColumn();
            return usage ? INPUT_ERROR : FAILURE;
        }
        if (report.skipped() > 0) {
            err.println("warning: skipped " + report.skipped() + " row(s) with a missing or unusable value"
                    + (report.skipped() > report.skippedSample().size() ? "; the first " + report.skippedSample().size()
                    : "") + ": " + report.skippedSample().stream().map(SkippedRow::toString)
                    .collect(Collectors.joining("; ")));
            err.flush();
        }
        out.print(options.json() ? toJson(report) + System.lineSeparator() : toText(report));
        out.flush();
        return OK;
    }

    /**
     * Computes the report.
     *
     * @throws CsvInputException        for a missing, unreadable or malformed file or a missing column
     * @throws IllegalArgumentException for an unknown method, too few usable rows, a constant column where the
     *                                  coefficient is undefined, or k larger than the number of rows
     */
    public RankReport analyze(RankOptions options) {
        RankCorrelation method = RankCorrelation.fromId(options.method());
        PairedColumns data = CsvPairs.read(options.csv(), options.xColumn(), options.yColumn());
        if (data.n() < 2) {
            throw new IllegalArgumentException(data.source() + " has " + data.n() + " usable row(s) for "
                    + options.xColumn() + " and " + options.yColumn() + "; at least 2 are needed"
                    + (data.skipped() > 0 ? " (" + data.skipped() + " skipped: " + data.skippedSample().get(0)
                    + (data.skipped() > 1 ? "; ..." : "") + ")" : ""));
        }
        double[] x = data.x();
        double[] y = data.y();
        if (options.topK() != null && options.topK() > data.n()) {
            throw new org.istanas.api.UsageException("--top-k " + options.topK() + " exceeds the " + data.n()
                    + " usable rows");
        }
        try {
            CorrelationTest test = method.test(x, y);
            BootstrapInterval interval = options.bootstrap() == null ? null
                    : Bootstrap.percentile(x, y, method, options.bootstrap(), options.ciLevel(), options.seed());
            RankReport.TopKAgreement topK = null;
            if (options.topK() != null) {
                int k = options.topK();
                topK = new RankReport.TopKAgreement(k, TopK.overlap(x, y, k), TopK.precisionAtK(x, y, k),
                        (double) k / data.n());
            }
            return new RankReport(data.source(), data.xColumn(), data.yColumn(), test, data.skipped(),
                    data.skippedSample(), interval, topK);
        } catch (IllegalArgumentException e) {
            // Name the columns: the statistics only know "x" and "y".
            throw new IllegalArgumentException(method.id() + " of " + options.xColumn() + " (x) and "
                    + options.yColumn() + " (y) in " + data.source() + ": " + e.getMessage(), e);
        }
    }

    /** Human-readable report, several lines ending with a line separator. */
    public static String toText(RankReport r) {
        StringWriter text = new StringWriter();
        PrintWriter p = new PrintWriter(text);
        CorrelationTest t = r.test();
        p.printf(Locale.ROOT, "%s = %.4f  (n = %d pairs of %s vs %s from %s%s)%n", t.method().id(), t.value(), t.n(),
                r.xColumn(), r.yColumn(), r.file(), r.skipped() > 0 ? "; " + r.skipped() + " row(s) skipped" : "");
        if (t.hasPValue()) {
            // A p-value of 0 means below the smallest double (or |rho| = 1 exactly); never print it as "0.00".
            p.printf(Locale.ROOT, "p-value %s  (%s; %s = %.3f)%n",
                    t.pValue() < 1e-300 ? "< 1e-300" : String.format(Locale.ROOT, "= %.3g", t.pValue()),
                    t.pValueMethod(), statisticName(t), t.statistic());
        } else {
            p.printf(Locale.ROOT, "p-value undefined  (%s needs at least 3 pairs)%n", t.pValueMethod());
        }
        if (t.hasExactPValue()) {
            p.printf(Locale.ROOT, "exact p-value = %.3g  (two-sided permutation test; no ties, n <= 50)%n",
                    t.exactPValue());
        }
        BootstrapInterval ci = r.interval();
        if (ci != null) {
            p.printf(Locale.ROOT, "%s%% CI = [%.4f, %.4f]  (percentile bootstrap, %d resamples, seed %d%s)%n",
                    new BigDecimal(Double.toString(ci.level())).movePointRight(2).stripTrailingZeros().toPlainString(),
                    ci.lower(), ci.upper(), ci.resamples(), ci.seed(), ci.undefinedResamples() > 0
                            ? "; " + ci.undefinedResamples() + " resamples with a constant column skipped" : "");
        }
        RankReport.TopKAgreement k = r.topK();
        if (k != null) {
            p.printf(Locale.ROOT, "top-%d overlap = %.4f, precision@%d = %.4f  (unrelated scores: overlap %.4f)%n",
                    k.k(), k.overlap(), k.k(), k.precision(), k.randomExpectation());
        }
        p.flush();
        return text.toString();
    }

    /** The JSON object described in the class comment, on one line. */
    public static String toJson(RankReport r) {
        StringWriter json = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(json)) {
            CorrelationTest t = r.test();
            g.writeStartObject();
            g.writeStringField("method", t.method().id());
            number(g, "value", t.value());
            g.writeNumberField("n", t.n());
            number(g, "pValue", t.pValue());
            g.writeStringField("pValueMethod", t.pValueMethod());
            number(g, "statistic", t.statistic());
            g.writeStringField("statisticName", statisticName(t));
            number(g, "pValueExact", t.exactPValue());
            g.writeNumberField("skipped", r.skipped());
            g.writeArrayFieldStart("skippedRows");
            for (SkippedRow row : r.skippedSample()) {
                g.writeStartObject();
                g.writeNumberField("row", row.row());
                g.writeStringField("reason", row.reason());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("file", r.file());
            g.writeStringField("x", r.xColumn());
            g.writeStringField("y", r.yColumn());
            BootstrapInterval ci = r.interval();
            if (ci != null) {
                g.writeArrayFieldStart("ci");
                g.writeNumber(ci.lower());
                g.writeNumber(ci.upper());
                g.writeEndArray();
                g.writeNumberField("ciLevel", ci.level());
                g.writeNumberField("bootstrap", ci.resamples());
                g.writeNumberField("seed", ci.seed());
                g.writeNumberField("undefinedResamples", ci.undefinedResamples());
            }
            RankReport.TopKAgreement k = r.topK();
            if (k != null) {
                g.writeNumberField("topK", k.k());
                number(g, "topKOverlap", k.overlap());
                number(g, "precisionAtK", k.precision());
                number(g, "topKRandomOverlap", k.randomExpectation());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return json.toString();
    }

    private static String statisticName(CorrelationTest t) {
        return t.method() == RankCorrelation.SPEARMAN ? "t" : "z";
    }

    private static void number(JsonGenerator g, String name, double value) throws IOException {
        if (Double.isFinite(value)) {
            g.writeNumberField(name, value);
        } else {
            g.writeNullField(name);
        }
    }
}
