/**
 * The DARTS candidate operations of the ISTA-NAS search space and the building blocks they are made of, all
 * composed through {@link org.istanas.api.op.OpBuilder} so they run on any engine.
 */
package org.istanas.ops.candidates;
