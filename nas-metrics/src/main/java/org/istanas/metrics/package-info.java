/**
 * Rank correlation and ranking analysis for comparing architecture rankings: Kendall's tau-a and tau-b
 * ({@link org.istanas.metrics.Kendall}, Knight's O(n log n) algorithm), Spearman's rho
 * ({@link org.istanas.metrics.Spearman}), significance tests, percentile bootstrap intervals
 * ({@link org.istanas.metrics.Bootstrap}), top-k agreement ({@link org.istanas.metrics.TopK}) and multi-seed
 * summaries ({@link org.istanas.metrics.SeedSummary}).
 *
 * <p>Every function refuses empty, unequal-length, NaN or infinite input with an {@link IllegalArgumentException}
 * that names the offending argument and index. Ties are handled exactly, never by arbitrary tie-breaking.
 */
package org.istanas.metrics;
