import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A plain DL4J program, run by the export tests as a single-file source program on a class path of DL4J/ND4J
 * jars only: loads an exported SameDiff model with DL4J's own API and writes its logits.
 *
 * <p>Arguments: model-file images-file logits-file N C H W [repeats]. The images file holds N*C*H*W big-endian
 * float32 values (NCHW, already normalised); the logits file gets N*classes of them. With repeats > 0 it also
 * times that many further passes and prints the milliseconds per image.
 */
public class PlainDl4jRunner {
    public static void main(String[] args) throws Exception {
        try {
            Class.forName("org.istanas.ops.engine.Nd4jEngine");
            System.out.println("istanas classes are visible");
            System.exit(3);
        } catch (ClassNotFoundException expected) {
            System.out.println("no istanas classes on the class path");
        }
        long[] shape = {Long.parseLong(args[3]), Long.parseLong(args[4]), Long.parseLong(args[5]),
                Long.parseLong(args[6])};
        float[] pixels = new float[(int) (shape[0] * shape[1] * shape[2] * shape[3])];
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(args[1])))) {
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = in.readFloat();
            }
        }

        // --- what a DL4J user writes (docs/embedding.md) ---
        SameDiff model = SameDiff.load(new File(args[0]), false);
        INDArray images = Nd4j.create(pixels, shape, 'c');
        INDArray logits = model.outputSingle(Map.of("input", images), "logits");
        int[] predicted = logits.argMax(1).toIntVector();
        // ---

        System.out.println("predicted classes of the first images: " + java.util.Arrays.toString(
                java.util.Arrays.copyOf(predicted, Math.min(8, predicted.length))));
        float[] values = logits.castTo(DataType.FLOAT).dup('c').data().asFloat();
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(args[2])))) {
            for (float v : values) {
                out.writeFloat(v);
            }
        }
        int repeats = args.length > 7 ? Integer.parseInt(args[7]) : 0;
        if (repeats > 0) {
            long start = System.nanoTime();
            for (int r = 0; r < repeats; r++) {
                model.outputSingle(Map.of("input", images), "logits");
            }
            double ms = (System.nanoTime() - start) / 1e6 / repeats / shape[0];
            System.out.printf(java.util.Locale.ROOT, "inference: %.3f ms per image (batch %d, %d passes)%n", ms,
                    shape[0], repeats);
        }
    }
}
