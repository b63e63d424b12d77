/**
 * Trials on this machine or a cluster: the built-in {@link org.istanas.api.trial.TrialExecutor}s {@code local} (a
 * pool of child processes) and {@code slurm} (one batch job per trial), the launch of this project's command line in
 * a new JVM ({@link org.istanas.app.trial.JvmLaunch}), and the driver ({@link org.istanas.app.trial.TrialScheduler})
 * that submits an experiment's trials, records every attempt in the experiment folder ({@link
 * org.istanas.app.trial.TrialLedger}), retries interrupted ones as resumes and re-attaches after a restart.
 */
package org.istanas.app.trial;
