package org.istanas.data.inspect;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The result of inspecting a dataset. Its JSON form is
 * {@code {"train": {"count", "perClass", "mean", "std"}, "test": {...}, "dataset", "classNames", "shape", "checksum"}}.
 */
@JsonPropertyOrder({"train", "test", "dataset", "classNames", "shape", "checksum"})
public record DatasetReport(@JsonProperty("dataset") String dataset,
                            @JsonProperty("classNames") List<String> classNames,
                            @JsonProperty("shape") int[] shape,
                            @JsonProperty("checksum") String checksum,
                            @JsonProperty("train") SplitStatistics train,
                            @JsonProperty("test") SplitStatistics test) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public DatasetReport {
        Objects.requireNonNull(dataset, "dataset is null");
        classNames = List.copyOf(classNames);
        shape = shape.clone();
        Objects.requireNonNull(train, "train is null");
        Objects.requireNonNull(test, "test is null");
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** Pretty-printed JSON. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise dataset report", e);
        }
    }

    /** A human-readable summary: one line per split and a table of images per class. */
    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "dataset %s: %d classes, images %dx%dx%d, sha256 %s%n", dataset,
                classNames.size(), shape[0], shape[1], shape[2], checksum));
        for (String name : List.of("train", "test")) {
            SplitStatistics s = name.equals("train") ? train : test;
            out.append(String.format(Locale.ROOT, "%-5s %7d images  mean %s  std %s%n", name, s.count(),
                    format(s.mean()), format(s.std())));
        }
        int width = Math.max(5, classNames.stream().mapToInt(String::length).max().orElse(5));
        out.append(String.format(Locale.ROOT, "%-" + width + "s %8s %8s%n", "class", "train", "test"));
        int[] trainCounts = train.perClass();
        int[] testCounts = test.perClass();
        for (int c = 0; c < classNames.size(); c++) {
            out.append(String.format(Locale.ROOT, "%-" + width + "s %8d %8d%n", classNames.get(c), trainCounts[c],
                    testCounts[c]));
        }
        return out.toString();
    }

    private static String format(double[] values) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", values[i]));
        }
        return s.append(')').toString();
    }
}
