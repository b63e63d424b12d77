/**
 * Evaluation of a genotype: retraining the stand-alone target network from scratch on the full training set and
 * measuring test accuracy ({@code istanas evaluate}), with the same checkpoints and exact resume as searches.
 */
package org.istanas.search.toolkit.eval;
