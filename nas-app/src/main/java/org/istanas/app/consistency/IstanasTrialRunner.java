package org.istanas.app.consistency;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.istanas.api.genotype.GenotypeJson;
import org.istanas.api.run.ProgressListener;
import org.istanas.app.embed.EvaluationBuilder;
import org.istanas.app.embed.Istanas;
import org.istanas.app.embed.SearchBuilder;

/**
 * The real runner: searches through {@link SearchBuilder} (one run per folder), evaluations through {@link
 * EvaluationBuilder}, and both resumes through {@link Istanas}, so that every folder is an ordinary search or
 * evaluation run folder that {@code istanas resume} and {@code istanas evaluate --test-only} also understand.
 */
public final class IstanasTrialRunner implements TrialRunner {
    private final Istanas istanas;
    private final ConsistencySpec spec;

    public IstanasTrialRunner(Istanas istanas, ConsistencySpec spec) {
        this.istanas = Objects.requireNonNull(istanas, "istanas is null");
        this.spec = Objects.requireNonNull(spec, "spec is null");
    }

    @Override
    public void search(Path folder, long seed, ProgressListener listener) throws IOException {
        SearchBuilder search = istanas.search();
        spec.datasetOptions().forEach(search::datasetOption);
        search.strategy(spec.strategy()).solver(spec.solver()).dataset(spec.dataset()).dataDir(spec.dataDir())
                .preset(spec.preset()).overrides(spec.searchOverrides()).seed(seed).runs(1).out(folder)
                .listener(listener).run();
    }

    @Override
    public void resumeSearch(Path folder, ProgressListener listener) throws IOException {
        istanas.resumeSearch(folder, listener);
    }

    @Override
    public void evaluate(Path folder, Path genotypeFile, long seed, ProgressListener listener) throws IOException {
        EvaluationBuilder evaluation = istanas.evaluate(GenotypeJson.read(genotypeFile));
        spec.datasetOptions().forEach(evaluation::datasetOption);
        evaluation.dataset(spec.dataset()).dataDir(spec.dataDir()).preset(spec.preset())
                .overrides(spec.evalOverrides()).seed(seed).seeds(1).out(folder).listener(listener).run();
    }

    @Override
    public void resumeEvaluation(Path folder, ProgressListener listener) throws IOException {
        istanas.resumeEvaluation(folder, listener);
    }
}
