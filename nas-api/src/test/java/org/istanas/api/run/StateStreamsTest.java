package org.istanas.api.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

final class StateStreamsTest {
    @Test
    void theLayoutIsTheCheckpointsOneAndValuesComeBackBitForBit() throws IOException {
        double[] values = {1.5, -0.0, Double.NaN, Double.MIN_VALUE, -1e300};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StateStreams.writeDoubles(new DataOutputStream(bytes), values);

        // the layout old checkpoints have: a big-endian int length, then big-endian IEEE doubles
        ByteBuffer expected = ByteBuffer.allocate(4 + 8 * values.length).putInt(values.length);
        for (double v : values) {
            expected.putDouble(v);
        }
        assertThat(bytes.toByteArray()).isEqualTo(expected.array());

        double[] back = StateStreams.readDoubles(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertThat(back).hasSize(values.length);
        for (int i = 0; i < values.length; i++) {
            assertThat(Double.doubleToRawLongBits(back[i])).isEqualTo(Double.doubleToRawLongBits(values[i]));
        }
    }

    @Test
    void aNegativeLengthOrAShortStreamIsAnError() {
        byte[] negative = ByteBuffer.allocate(4).putInt(-3).array();
        assertThatThrownBy(() -> StateStreams.readDoubles(new DataInputStream(new ByteArrayInputStream(negative))))
                .isInstanceOf(IOException.class).hasMessage("negative array length -3 in state stream");
        byte[] shortStream = ByteBuffer.allocate(12).putInt(2).putDouble(1).array();
        assertThatThrownBy(() -> StateStreams.readDoubles(new DataInputStream(new ByteArrayInputStream(shortStream))))
                .isInstanceOf(EOFException.class);
    }
}
