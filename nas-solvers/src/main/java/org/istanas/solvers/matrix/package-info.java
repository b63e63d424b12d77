/**
 * Seeded measurement-matrix generators and the small dense linear algebra the solvers share (row-major
 * {@code double[row][column]} arrays, no copies, no engine types).
 */
package org.istanas.solvers.matrix;
