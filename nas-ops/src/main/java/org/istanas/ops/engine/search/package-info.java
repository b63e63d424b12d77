/** The DARTS-space search super-nets of the ND4J engine: sparse (ISTA-NAS) and dense (DARTS) mixing. */
package org.istanas.ops.engine.search;
