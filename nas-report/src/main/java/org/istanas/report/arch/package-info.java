/** How the architecture evolved during a search: code heat maps, supports per epoch, node freezing. */
package org.istanas.report.arch;
