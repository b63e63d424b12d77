/**
 * The sparse-coding solver extension point and the problem/result values it works on, with the two pure-Java helpers
 * every strategy needs around it: seeded measurement matrices A and the top-s support of a recovered code. They live
 * beside the SPI so that a strategy needs no solver implementation (and none of OR-Tools' native jars) to compile.
 */
package org.istanas.api.solver;
