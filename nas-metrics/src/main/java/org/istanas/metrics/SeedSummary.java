package org.istanas.metrics;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Summary of one metric over several independent runs (seeds), as reported by {@code search --runs} and
 * {@code evaluate --seeds}: mean ± sample standard deviation, n, min and max, and the best run, always labelled
 * "best of n" so that it is never mistaken for a typical result. Serializes to JSON with Jackson as
 * {@code {"n":5,"mean":…,"std":…,"min":…,"max":…,"best":…,"bestOf":5,"direction":"higher-is-better","values":[…]}}.
 *
 * @param values    the per-run values, in run order
 * @param direction which extreme is "best"
 */
// Derived fields are written but ignored when read back, so a summary round-trips through JSON.
@JsonIgnoreProperties(value = {"n", "mean", "std", "min", "max", "best", "bestOf"}, allowGetters = true)
@JsonPropertyOrder({"n", "mean", "std", "min", "max", "best", "bestOf", "direction", "values"})
public record SeedSummary(List<Double> values, Direction direction) {

    /** Which extreme of a metric is the best run. */
    public enum Direction {
        /** Accuracy-like metrics. */
        HIGHER_IS_BETTER("higher-is-better"),
        /** Error- or loss-like metrics. */
        LOWER_IS_BETTER("lower-is-better");

        private final String id;

        Direction(String id) {
            this.id = id;
        }

        @JsonValue
        public String id() {
            return id;
        }
    }

    public SeedSummary {
        Objects.requireNonNull(values, "values is null");
        Objects.requireNonNull(direction, "direction is null");
        values = List.copyOf(values); // also rejects null elements
        if (values.isEmpty()) {
            throw new IllegalArgumentException("values is empty; a summary needs at least one run");
        }
        for (int i = 0; i < values.size(); i++) {
            if (!Double.isFinite(values.get(i))) {
                throw new IllegalArgumentException("values[" + i + "] is " + values.get(i) + "; expected a finite number");
            }
        }
    }

    /** Summary of accuracy-like values (higher is better). */
    public static SeedSummary of(double... values) {
        return of(Direction.HIGHER_IS_BETTER, values);
    }

    /** Summary with an explicit direction. */
    public static SeedSummary of(Direction direction, double... values) {
        Objects.requireNonNull(values, "values is null");
        return new SeedSummary(Arrays.stream(values).boxed().toList(), direction);
    }

    /** Number of runs. */
    @JsonProperty("n")
    public int n() {
        return values.size();
    }

    /** Arithmetic mean. */
    @JsonProperty("mean")
    public double mean() {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.size();
    }

    /** Sample standard deviation (divisor n - 1), two-pass; {@code null} for a single run, where it is undefined. */
    @JsonProperty("std")
    public Double std() {
        if (values.size() < 2) {
            return null;
        }
        double mean = mean();
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (values.size() - 1));
    }

    @JsonProperty("min")
    public double min() {
        return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    @JsonProperty("max")
    public double max() {
        return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    /** The best run's value: {@link #max()} or {@link #min()} by {@link #direction()}. Report it as "best of n". */
    @JsonProperty("best")
    public double best() {
        return direction == Direction.HIGHER_IS_BETTER ? max() : min();
    }

    /** The n of "best of n", for JSON readers. */
    @JsonProperty("bestOf")
    public int bestOf() {
        return n();
    }

    /** {@link #toText(int)} with two decimals. */
    @Override
    public String toString() {
        return toText(2);
    }

    /**
     * E.g. {@code "97.12 ± 0.08 (n=5); best of 5: 97.25"}; a single run gives {@code "97.12 (n=1)"}.
     *
     * @param decimals digits after the decimal point, 0 to 10
     */
    @JsonIgnore
    public String toText(int decimals) {
        if (decimals < 0 || decimals > 10) {
            throw new IllegalArgumentException("decimals must be in [0, 10], got " + decimals);
        }
        String f = "%." + decimals + "f";
        if (n() == 1) {
            return String.format(Locale.ROOT, f + " (n=1)", mean());
        }
        return String.format(Locale.ROOT, f + " ± " + f + " (n=%d); best of %d: " + f,
                mean(), std(), n(), n(), best());
    }
}
