/**
 * Layers with explicit forward and backward passes over ND4J native ops ({@link org.istanas.ops.engine.nn.Layer}),
 * their parameters, and the {@link org.istanas.api.op.OpBuilder} that builds them. See docs/engine.md.
 */
package org.istanas.ops.engine.nn;
