package org.istanas.api.run;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The pieces of a checkpoint's state stream that strategies and the engine share: an array of doubles as its
 * length then every value at full precision, so a resumed run continues from exactly the values it saved.
 */
public final class StateStreams {
    private StateStreams() {
    }

    public static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double v : values) {
            out.writeDouble(v);
        }
    }

    /** @throws IOException for a negative length (a stream that is not a state stream) or a stream that ends early */
    public static double[] readDoubles(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("negative array length " + n + " in state stream");
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = in.readDouble();
        }
        return values;
    }
}
