package org.istanas.data.inspect;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Arrays;

/**
 * Measured statistics of one split.
 *
 * @param count    number of images
 * @param perClass images per label
 * @param mean     per-channel mean of pixel values in [0,1], measured over every pixel
 * @param std      per-channel population standard deviation of pixel values in [0,1]
 */
@JsonPropertyOrder({"count", "perClass", "mean", "std"})
public record SplitStatistics(@JsonProperty("count") int count, @JsonProperty("perClass") int[] perClass,
                              @JsonProperty("mean") double[] mean, @JsonProperty("std") double[] std) {
    public SplitStatistics {
        perClass = perClass.clone();
        mean = mean.clone();
        std = std.clone();
    }

    @Override
    public int[] perClass() {
        return perClass.clone();
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SplitStatistics s && count == s.count && Arrays.equals(perClass, s.perClass)
                && Arrays.equals(mean, s.mean) && Arrays.equals(std, s.std);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * count + Arrays.hashCode(perClass)) + Arrays.hashCode(mean)) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "SplitStatistics[count=" + count + ", perClass=" + Arrays.toString(perClass) + ", mean="
                + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
    }
}
