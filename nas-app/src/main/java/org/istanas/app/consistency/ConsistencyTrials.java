package org.istanas.app.consistency;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.istanas.api.run.RunFolder;
import org.istanas.api.run.Seeds;
import org.istanas.app.trial.TrialSpec;

/**
 * The consistency experiment as trials for an executor: {@code search-<i>} runs {@code istanas search} into
 * search/run-i with the seed {@link ConsistencyExperiment} gives run i, and {@code evaluate-<i>}, once it has
 * succeeded, {@code istanas evaluate} of its genotype into evaluate/run-i. The command lines are those the in-JVM
 * runner ({@link IstanasTrialRunner}) amounts to, so both give the same run folders.
 */
public final class ConsistencyTrials {
    private ConsistencyTrials() {
    }

    public static List<TrialSpec> plan(ConsistencySpec spec, Path experiment) {
        List<TrialSpec> trials = new ArrayList<>();
        for (int i = 0; i < spec.runs(); i++) {
            Path search = ConsistencyExperiment.searchFolder(experiment, i).toAbsolutePath();
            Path evaluation = ConsistencyExperiment.evaluationFolder(experiment, i).toAbsolutePath();
            List<String> s = new ArrayList<>(List.of("search", "--strategy", spec.strategy(), "--solver", spec.solver()));
            data(spec, s);
            spec.searchOverrides().forEach(o -> s.addAll(List.of("--set", o)));
            s.addAll(List.of("--seed", Long.toString(Seeds.forRun(spec.seed(), i)), "--out", search.toString()));
            trials.add(new TrialSpec("search-" + i, s, search, List.of()));
            List<String> e = new ArrayList<>(List.of("evaluate", "--genotype",
                    search.resolve(RunFolder.GENOTYPE).toString()));
            data(spec, e);
            spec.evalOverrides().forEach(o -> e.addAll(List.of("--set", o)));
            e.addAll(List.of("--seed", Long.toString(spec.evaluationSeed()), "--out", evaluation.toString()));
            trials.add(new TrialSpec("evaluate-" + i, e, evaluation, List.of("search-" + i)));
        }
        return trials;
    }

    private static void data(ConsistencySpec spec, List<String> args) {
        args.addAll(List.of("--dataset", spec.dataset()));
        if (spec.dataDir() != null) {
            args.addAll(List.of("--data-dir", spec.dataDir().toAbsolutePath().toString()));
        }
        spec.datasetOptions().forEach((k, v) -> args.addAll(List.of("--dataset-option", k + "=" + v)));
        args.addAll(List.of("--preset", spec.preset()));
    }
}
