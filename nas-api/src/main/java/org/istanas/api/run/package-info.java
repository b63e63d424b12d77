/**
 * Run bookkeeping shared by every search strategy and by evaluation: the run folder layout ({@link
 * org.istanas.api.run.RunFolder}), atomic writes ({@link org.istanas.api.run.AtomicFiles}), provenance, the per-epoch
 * metrics table, checkpoints with retention, progress reporting and divergence detection. Nothing here depends on
 * the numeric engine: checkpoint payloads are opaque bytes written by the strategy.
 */
package org.istanas.api.run;
