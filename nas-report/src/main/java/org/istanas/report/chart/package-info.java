/** The charts of run reports and comparisons, drawn with JFreeChart in the look of {@code ChartStyle}. */
package org.istanas.report.chart;
