/**
 * CSV input and output of paired samples with Apache Commons CSV ({@link org.istanas.metrics.io.CsvPairs}); the
 * output is written with {@link org.istanas.api.run.AtomicFiles}, so a file is either absent, its previous version,
 * or complete, never half written.
 */
package org.istanas.metrics.io;
