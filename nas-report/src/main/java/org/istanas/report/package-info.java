/**
 * Run reports: {@link org.istanas.report.RunReport#write(java.nio.file.Path)} writes a self-contained
 * {@code report.html} (curves, cells, how the architecture evolved, configuration, provenance) into a search,
 * evaluation or experiment folder from its files alone; {@link org.istanas.report.ReportRefresher} rewrites it
 * after every epoch of a running job.
 */
package org.istanas.report;
