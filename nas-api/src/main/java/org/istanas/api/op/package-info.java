/**
 * The candidate-operation extension point. Operations are compositions of the engine primitives of
 * {@link org.istanas.api.op.OpBuilder}; the engine decides how they run.
 */
package org.istanas.api.op;
