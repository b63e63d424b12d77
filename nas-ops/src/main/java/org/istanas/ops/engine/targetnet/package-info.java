/**
 * Stand-alone networks of a genotype on the ND4J layer stack (DARTS {@code NetworkCIFAR} and
 * {@code NetworkImageNet}), and the cell/stem/head skeleton that the one-stage super-net shares with them.
 */
package org.istanas.ops.engine.targetnet;
