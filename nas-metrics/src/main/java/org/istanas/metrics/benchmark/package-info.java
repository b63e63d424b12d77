/**
 * The NAS-Bench-201 table as an oracle: {@link org.istanas.metrics.benchmark.BenchmarkTable} reads and validates
 * the CSV export, {@link org.istanas.metrics.benchmark.BenchmarkStats} summarises a column, and {@link
 * org.istanas.metrics.benchmark.TableSearch} runs the random-search and regularised-evolution baselines on the
 * table alone.
 */
package org.istanas.metrics.benchmark;
