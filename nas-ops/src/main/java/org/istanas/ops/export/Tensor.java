package org.istanas.ops.export;

/**
 * An activation in the graph being written: its node name and static shape without the batch dimension
 * ([C, H, W], or [C] after global pooling with {@code height = width = 0}).
 */
public record Tensor(String name, int channels, int height, int width) {
    public boolean spatial() {
        return height > 0;
    }

    public String shapeText() {
        return spatial() ? "[N, " + channels + ", " + height + ", " + width + "]" : "[N, " + channels + "]";
    }
}
