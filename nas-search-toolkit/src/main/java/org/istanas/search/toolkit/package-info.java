/**
 * What every search strategy writes and reads in a run folder, whichever strategy it is: the per-node code layout
 * of codes.csv ({@link org.istanas.search.toolkit.CodeLayout}) and, per search space, the layout of a super-net's
 * codes ({@link org.istanas.search.toolkit.SpaceCodes}: {@code DartsCodes}, {@code Nb201Codes}), the benchmark
 * columns of a run with an oracle ({@link org.istanas.search.toolkit.OracleColumns}), the genotype line and last
 * metrics row, the final
 * outputs ({@link org.istanas.search.toolkit.SearchOutputs}) and preset lookup. The training loop and the evaluation
 * (retraining) of a genotype are in the sub-packages. A strategy plugin depends on this module and on
 * {@code nas-api}, never on another strategy.
 */
package org.istanas.search.toolkit;
