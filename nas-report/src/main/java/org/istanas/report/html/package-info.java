/** Self-contained HTML pages (inline CSS, SVG and data-URI images) built from escaped fragments. */
package org.istanas.report.html;
