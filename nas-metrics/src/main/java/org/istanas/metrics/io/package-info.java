/**
 * CSV input and output of paired samples with Apache Commons CSV ({@link org.istanas.metrics.io.CsvPairs}) and
 * atomic file output ({@link org.istanas.metrics.io.AtomicOutput}): a file is either absent, its previous version,
 * or complete, never half written.
 */
package org.istanas.metrics.io;
