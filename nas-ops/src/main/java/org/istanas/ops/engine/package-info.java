/**
 * The ND4J engine behind {@link org.istanas.api.network.NetworkEngine}: {@link org.istanas.ops.engine.Nd4jEngine},
 * backend start-up and precision. Layers live in {@code .nn}, optimizers in {@code .optim}, super-nets in
 * {@code .search}. ND4J types never leave these packages.
 */
package org.istanas.ops.engine;
