package org.istanas.app.consistency;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.istanas.api.genotype.Genotype;
import org.istanas.api.genotype.GenotypeJson;
import org.istanas.api.genotype.Genotypes;
import org.istanas.api.run.ProgressListener;
import org.istanas.api.run.RunFolder;

/**
 * A runner that trains nothing: it writes run folders the way the real machinery does (config.yaml,
 * provenance.json, a checkpoint, then result.json and genotype.json) with accuracies chosen by the test, records
 * every call, and can be told to "crash" a run after its first checkpoint.
 */
final class FakeRunner implements TrialRunner {
    private final double[] searchAccuracy;
    private final double[] evaluationAccuracy;
    final List<String> calls = new ArrayList<>();
    /** "search-<i>" or "crash-evaluate-<i>": throw after the first checkpoint, once. */
    String crash;

    FakeRunner(double[] searchAccuracy, double[] evaluationAccuracy) {
        this.searchAccuracy = searchAccuracy.clone();
        this.evaluationAccuracy = evaluationAccuracy.clone();
    }

    @Override
    public void search(Path folder, long seed, ProgressListener listener) throws IOException {
        int run = run(folder);
        calls.add("search-" + run + " seed " + seed);
        start(folder, "search-" + run);
        finish(folder, "validAccuracy", searchAccuracy[run], genotype(run));
    }

    @Override
    public void resumeSearch(Path folder, ProgressListener listener) throws IOException {
        int run = run(folder);
        calls.add("resume-search-" + run);
        finish(folder, "validAccuracy", searchAccuracy[run], genotype(run));
    }

    @Override
    public void evaluate(Path folder, Path genotypeFile, long seed, ProgressListener listener) throws IOException {
        int run = run(folder);
        calls.add("evaluate-" + run + " seed " + seed + " genotype " + genotypeFile.getParent().getFileName());
        Genotype genotype = GenotypeJson.read(genotypeFile);
        start(folder, "evaluate-" + run);
        GenotypeJson.write(folder.resolve(RunFolder.GENOTYPE), genotype); // as EvaluationBuilder does before training
        if (("crash-" + "evaluate-" + run).equals(crash)) {
            crash = null;
            throw new IOException("simulated crash of evaluate-" + run);
        }
        finish(folder, "testAccuracy", evaluationAccuracy[run], genotype);
    }

    @Override
    public void resumeEvaluation(Path folder, ProgressListener listener) throws IOException {
        int run = run(folder);
        calls.add("resume-evaluate-" + run);
        finish(folder, "testAccuracy", evaluationAccuracy[run], GenotypeJson.read(folder.resolve(RunFolder.GENOTYPE)));
    }

    private void start(Path folder, String name) throws IOException {
        if (Files.exists(folder)) {
            throw new IOException("fake runner: " + folder + " exists; the real builders refuse a used folder");
        }
        Files.createDirectories(folder.resolve(RunFolder.CHECKPOINTS));
        Files.writeString(folder.resolve(RunFolder.CONFIG), "epochs: 1\n");
        Files.writeString(folder.resolve(RunFolder.PROVENANCE), "{}\n");
        Files.writeString(folder.resolve(RunFolder.CHECKPOINTS).resolve("step-0.ckpt"), "state");
        if (name.startsWith("search") && name.equals(crash)) {
            crash = null;
            throw new IOException("simulated crash of " + name);
        }
    }

    private static void finish(Path folder, String field, double accuracy, Genotype genotype) throws IOException {
        GenotypeJson.write(folder.resolve(RunFolder.GENOTYPE), genotype);
        Files.writeString(folder.resolve(RunFolder.RESULT),
                String.format(Locale.ROOT, "{\"%s\": %s, \"epochs\": 1}%n", field, Double.toString(accuracy)));
    }

    private static Genotype genotype(int run) {
        List<Genotype> all = List.copyOf(Genotypes.builtIn().values());
        return all.get(run % all.size());
    }

    private static int run(Path folder) {
        return Integer.parseInt(folder.getFileName().toString().substring("run-".length()));
    }
}
