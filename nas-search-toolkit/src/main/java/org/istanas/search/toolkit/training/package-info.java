/**
 * Run machinery shared by every strategy that trains a network epoch by epoch (two-stage, DARTS, one-stage,
 * evaluation): the {@link org.istanas.search.toolkit.training.TrainingLoop} that drives a
 * {@link org.istanas.search.toolkit.training.TrainingJob} with checkpoints, exact resume, metrics rows, progress and
 * divergence detection, plus the learning-rate schedule, data split and genotype outputs.
 */
package org.istanas.search.toolkit.training;
