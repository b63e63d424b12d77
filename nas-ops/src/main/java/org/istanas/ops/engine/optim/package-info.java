/** Optimizers (PyTorch semantics), gradient clipping, parameter groups and checkpoint I/O of the ND4J engine. */
package org.istanas.ops.engine.optim;
