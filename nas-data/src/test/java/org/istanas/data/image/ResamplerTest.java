package org.istanas.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

final class ResamplerTest {
    @Test
    void sameSizeIsTheIdentity() {
        float[] in = new float[2 * 5 * 7];
        for (int i = 0; i < in.length; i++) {
            in[i] = (float) Math.sin(i);
        }
        float[] out = new float[in.length];
        Resampler.resize(in, 2, 5, 7, 0, 0, 5, 7, out, 0, 5, 7);
        for (int i = 0; i < in.length; i++) {
            assertThat(out[i]).isCloseTo(in[i], offset(1e-6f));
        }
    }

    @Test
    void halvingAveragesNeighbourhoodsAndKeepsTheMean() {
        // a 1-pixel checkerboard averages to 0.5 when halved (antialiasing; plain bilinear sampling would alias)
        float[] in = new float[16 * 16];
        double sum = 0;
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                in[y * 16 + x] = (x + y) % 2;
                sum += in[y * 16 + x];
            }
        }
        float[] out = new float[8 * 8];
        Resampler.resize(in, 1, 16, 16, 0, 0, 16, 16, out, 0, 8, 8);
        for (int y = 1; y < 7; y++) {
            for (int x = 1; x < 7; x++) {
                assertThat(out[y * 8 + x]).isCloseTo(0.5f, offset(1e-5f));
            }
        }
        double outSum = 0;
        for (float v : out) {
            outSum += v;
        }
        assertThat(outSum / 64).isCloseTo(sum / 256, offset(0.02));
    }

    @Test
    void upscalingALinearRampStaysLinearInside() {
        float[] in = {0f, 1f, 2f, 3f};
        float[] out = new float[8];
        Resampler.resize(in, 1, 1, 4, 0, 0, 1, 4, out, 0, 1, 8);
        // output pixel centres at input coordinates 0.25, 0.75, ...: value = centre - 0.5 inside the image
        for (int x = 1; x < 7; x++) {
            assertThat(out[x]).isCloseTo((x + 0.5f) / 2f - 0.5f, offset(1e-5f));
        }
    }
}
