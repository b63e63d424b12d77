/** Comparing runs: one summary row per run, overlaid curves, as HTML, Markdown and JSON. */
package org.istanas.report.compare;
