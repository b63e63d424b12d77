/**
 * Turning a recovered code into an architecture ({@link org.istanas.api.solver.Supports}) and verifying a
 * LASSO answer without trusting the solver that produced it ({@link org.istanas.solvers.support.LassoOptimality}).
 */
package org.istanas.solvers.support;
