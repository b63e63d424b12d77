/**
 * What every search strategy writes and reads in a run folder, whichever strategy it is: the per-node code layout
 * of codes.csv ({@link org.istanas.search.toolkit.CodeLayout}), the genotype line and last metrics row, the final
 * outputs ({@link org.istanas.search.toolkit.SearchOutputs}) and preset lookup. The training loop and the evaluation
 * (retraining) of a genotype are in the sub-packages. A strategy plugin depends on this module and on
 * {@code nas-api}, never on another strategy.
 */
package org.istanas.search.toolkit;
