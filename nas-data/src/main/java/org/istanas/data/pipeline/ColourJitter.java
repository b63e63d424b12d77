package org.istanas.data.pipeline;

/**
 * Random brightness, contrast, saturation and hue changes as torchvision's {@code ColorJitter}: factors are drawn
 * uniformly from [max(0, 1 - x), 1 + x] (hue shift from [-hue, hue], in turns of the colour wheel) and the four
 * changes are applied in a random order. Saturation and hue affect only 3-channel images.
 */
public record ColourJitter(double brightness, double contrast, double saturation, double hue) {
    public ColourJitter {
        check("brightness", brightness, Double.MAX_VALUE);
        check("contrast", contrast, Double.MAX_VALUE);
        check("saturation", saturation, Double.MAX_VALUE);
        check("hue", hue, 0.5);
    }

    /** No jitter. */
    public static ColourJitter none() {
        return new ColourJitter(0, 0, 0, 0);
    }

    /** PC-DARTS' ImageNet setting {@code ColorJitter(0.4, 0.4, 0.4, 0.2)} used by ISTA-NAS' ImageNet script. */
    public static ColourJitter pcDarts() {
        return new ColourJitter(0.4, 0.4, 0.4, 0.2);
    }

    public boolean isNone() {
        return brightness == 0 && contrast == 0 && saturation == 0 && hue == 0;
    }

    private static void check(String name, double value, double max) {
        if (!(value >= 0 && value <= max)) {
            throw new IllegalArgumentException("colour jitter " + name + " must be in [0, " + max + "], got " + value);
        }
    }
}
