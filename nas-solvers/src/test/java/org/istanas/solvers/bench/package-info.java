/**
 * JMH benchmarks of the solvers (test sources, so {@code mvn verify} never runs them); run
 * {@link org.istanas.solvers.bench.SolverBenchmarks} as described in docs/solvers.md.
 */
package org.istanas.solvers.bench;
