/** Pictures of the cells for reports: Graphviz SVG when {@code dot} is installed, else the text drawing. */
package org.istanas.report.cells;
