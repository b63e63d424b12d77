package org.istanas.app.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.istanas.api.config.ConfigLoader;
import org.istanas.api.data.Batch;
import org.istanas.api.data.ImageDataset;
import org.istanas.api.genotype.GenotypeJson;
import org.istanas.api.run.Provenance;
import org.istanas.api.run.ProvenanceFiles;
import org.istanas.api.run.RunFolder;
import org.istanas.app.Main;
import org.istanas.data.pipeline.Augmentation;
import org.istanas.data.pipeline.BatchLoader;
import org.istanas.api.network.TargetNetwork;
import org.istanas.search.toolkit.eval.Evaluation;
import org.istanas.search.toolkit.eval.EvaluationConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exported smoke networks (an evaluation of DARTS_V2 and a one-stage run, shrunk to a few images) are loaded
 * by a plain DL4J program in a child JVM whose class path holds no istanas class, and give the engine's logits on
 * the same 64 test images.
 */
final class ModelExportTest {
    private static final int IMAGES = 64;

    @TempDir
    Path dir;

    private record Result(int exitCode, String out, String err) {
    }

    private static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    private static final String[] DATA = {"--dataset", "synthetic", "--dataset-option", "trainSize=64",
        "--dataset-option", "testSize=" + IMAGES};

    private static String[] concat(String[] a, String... b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void exportedSmokeNetworksRunInAPlainDl4jProcessWithTheEnginesLogits() throws Exception {
        Path eval = dir.resolve("eval");
        Result e = cli(concat(concat(new String[] {"evaluate", "--genotype", "DARTS_V2"}, DATA), "--preset", "smoke",
                "--set", "epochs=1", "--set", "trainImages=64", "--set", "testImages=" + IMAGES, "--set",
                "batchSize=32", "--out", eval.toString(), "--quiet"));
        assertThat(e.exitCode()).as(e.err()).isZero();
        Path oneStage = dir.resolve("onestage");
        Result s = cli(concat(concat(new String[] {"search", "--strategy", "one-stage"}, DATA), "--preset", "smoke",
                "--set", "trainImages=64", "--set", "testImages=" + IMAGES, "--set", "batchSize=32", "--set",
                "maxSearchEpochs=1", "--out", oneStage.toString(), "--quiet"));
        assertThat(s.exitCode()).as(s.err()).isZero();

        Path dartsModel = dir.resolve("exported/darts-v2.zip");
        Result x1 = cli("export", "--run", eval.toString(), "--format", "samediff", "--with-aux", "--out",
                dartsModel.toString());
        assertThat(x1.exitCode()).as(x1.err()).isZero();
        assertThat(x1.out()).contains("wrote " + dartsModel, "darts-v2.json", "self-check");
        Path oneStageModel = dir.resolve("exported/one-stage.zip");
        Result x2 = cli("export", "--run", oneStage.toString(), "--out", oneStageModel.toString());
        assertThat(x2.exitCode()).as(x2.err()).isZero();

        for (var c : List.of(Map.entry(eval, dartsModel), Map.entry(oneStage, oneStageModel))) {
            Istanas nas = Istanas.create();
            RunFolder folder = RunFolder.open(ModelExport.trainedFolder(c.getKey()));
            Provenance provenance = ProvenanceFiles.read(folder.provenance());
            ImageDataset data = nas.reopen(provenance, folder);
            Batch batch = testImages(data);
            float[][] expected;
            EvaluationConfig config = ConfigLoader.load(EvaluationConfig.class, Map.of(), folder.config(), List.of());
            try (TargetNetwork net = new Evaluation(config, GenotypeJson.read(folder.genotype()), data,
                    nas.operationsByName(), nas.engine()).loadTarget(folder, Long.parseLong(provenance.invocation("seed")))) {
                expected = net.logits(batch);
            }
            float[][] actual = runPlainDl4j(c.getValue(), batch);
            int classes = data.numClasses();
            double max = 0;
            for (int i = 0; i < IMAGES; i++) {
                assertThat(actual[i]).hasSize(classes);
                assertThat(argMax(actual[i])).as("image " + i).isEqualTo(argMax(expected[i]));
                for (int k = 0; k < classes; k++) {
                    max = Math.max(max, Math.abs(actual[i][k] - expected[i][k]));
                }
            }
            assertThat(max).as(c.getValue() + ": max |logit difference|").isLessThanOrEqualTo(1e-4);

            JsonNode meta = new ObjectMapper().readTree(
                    c.getValue().resolveSibling(c.getValue().getFileName().toString().replace(".zip", ".json")).toFile());
            assertThat(meta.path("input").path("shape").toString()).isEqualTo("[-1,3,32,32]");
            assertThat(meta.path("normalisation").path("mean").get(0).floatValue()).isEqualTo(data.mean()[0]);
            assertThat(meta.path("normalisation").path("std").get(2).floatValue()).isEqualTo(data.std()[2]);
            List<String> names = new ArrayList<>();
            meta.path("classNames").forEach(n -> names.add(n.asText()));
            assertThat(names).isEqualTo(data.classNames());
        }
        JsonNode darts = new ObjectMapper().readTree(dir.resolve("exported/darts-v2.json").toFile());
        assertThat(darts.path("outputs").toString()).isEqualTo("[\"logits\",\"aux_logits\"]");
        assertThat(darts.path("genotype").toString()).isEqualTo(GenotypeJson.toTree(
                org.istanas.api.genotype.Genotypes.DARTS_V2).toString());
    }

    @Test
    void foldersWithoutTrainedWeightsAndBadOptionsAreClearErrors() throws IOException {
        Path search = dir.resolve("search");
        Files.createDirectories(search);
        assertThatThrownBy(() -> ModelExport.trainedFolder(search)).isInstanceOf(IOException.class)
                .hasMessageContaining("holds no trained weights").hasMessageContaining("istanas evaluate");
        Result r = cli("export", "--run", search.toString(), "--out", dir.resolve("m.zip").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("holds no trained weights");
        Result f = cli("export", "--run", search.toString(), "--format", "onnx", "--out", dir.resolve("m.zip").toString());
        assertThat(f.exitCode()).isEqualTo(2);
        assertThat(f.err()).contains("unknown export format 'onnx'");
        Result d = cli("export", "--run", search.toString(), "--dilated", "fast", "--out", dir.resolve("m.zip").toString());
        assertThat(d.exitCode()).isEqualTo(2);
        assertThat(d.err()).contains("--dilated must be");
        assertThat(dir.resolve("m.zip")).doesNotExist();
    }

    private static int argMax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    /** The first 64 test images, normalised as evaluation feeds them. */
    private static Batch testImages(ImageDataset data) throws Exception {
        int[] indices = new int[IMAGES];
        Arrays.setAll(indices, i -> i);
        try (BatchLoader loader = BatchLoader.over(data.test(), data.mean(), data.std()).indices(indices)
                .batchSize(IMAGES).shuffle(false).seed(0).epoch(0).dropLast(false)
                .augmentation(Augmentation.forEvaluation(data)).workers(1).build()) {
            return loader.next();
        }
    }

    /** Runs PlainDl4jRunner.java in a child JVM on the DL4J/ND4J jars of this class path, without istanas. */
    private float[][] runPlainDl4j(Path model, Batch batch) throws Exception {
        Path images = dir.resolve("images.bin");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(images)))) {
            for (float v : batch.images()) {
                out.writeFloat(v);
            }
        }
        Path logits = dir.resolve("logits.bin");
        Files.deleteIfExists(logits);
        List<String> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            // istanas modules are target/classes folders or jars holding org/istanas (in the local repository, or
            // target/nas-*.jar in a reactor build); keep only third-party jars
            if (!Files.isDirectory(Path.of(entry)) && !entry.contains("surefire") && !holdsIstanasClasses(entry)) {
                classPath.add(entry);
            }
        }
        Path runner = Path.of(getClass().getResource("/export/PlainDl4jRunner.java").toURI());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Dorg.bytedeco.javacpp.maxbytes=2G", "-Dorg.bytedeco.javacpp.maxphysicalbytes=3G",
                "-Dorg.bytedeco.javacpp.platform.extension="
                        + System.getProperty("org.bytedeco.javacpp.platform.extension", ""),
                "-cp", String.join(java.io.File.pathSeparator, classPath), runner.toString(), model.toString(),
                images.toString(), logits.toString(), Integer.toString(batch.size()),
                Integer.toString(batch.shape().channels()), Integer.toString(batch.shape().height()),
                Integer.toString(batch.shape().width())));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("no istanas classes on the class path");
        long values = Files.size(logits) / 4;
        int classes = (int) (values / batch.size());
        float[][] out = new float[batch.size()][classes];
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(logits)))) {
            for (float[] row : out) {
                for (int k = 0; k < classes; k++) {
                    row[k] = in.readFloat();
                }
            }
        }
        return out;
    }

    private static boolean holdsIstanasClasses(String jar) throws IOException {
        try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar)) {
            return file.getEntry("org/istanas/") != null || file.stream().anyMatch(e -> e.getName().startsWith("org/istanas/"));
        }
    }
}
