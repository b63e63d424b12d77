/**
 * The trial-executor extension point: how the trials of an experiment (one invocation of the {@code istanas} command
 * line on one run folder each) are run, by child processes on this machine, as Slurm jobs, or by a back-end a plugin
 * contributes. Trials are independent processes; their run folders, on a filesystem the driver shares with them, are
 * the only channel back.
 */
package org.istanas.api.trial;
