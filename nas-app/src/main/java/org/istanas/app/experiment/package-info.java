/**
 * Multi-run experiments as resumable folders of trials: {@code search --runs N} and {@code evaluate --seeds N}
 * ({@link org.istanas.app.experiment.RunsExperiment}), continued by {@code resume --run PARENT}, and {@code ablation}
 * ({@link org.istanas.app.experiment.Ablation}). Trials run through a trial executor, or one after another in this
 * JVM ({@link org.istanas.app.experiment.InlineSession}) when none is chosen.
 */
package org.istanas.app.experiment;
