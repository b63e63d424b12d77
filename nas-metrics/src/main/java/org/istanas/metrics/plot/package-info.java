/**
 * Plots drawn with JFreeChart ({@link org.istanas.metrics.plot.ChartStyle} gives them one look) and written as PNG
 * (Java 2D) or SVG (JFreeSVG) by {@link org.istanas.metrics.plot.ChartFiles}; they work on servers without a
 * display ({@code -Djava.awt.headless=true}).
 */
package org.istanas.metrics.plot;
