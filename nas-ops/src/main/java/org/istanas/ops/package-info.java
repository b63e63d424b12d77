/** Candidate operations plugin and the ND4J engine (see {@code org.istanas.ops.engine}). */
package org.istanas.ops;
