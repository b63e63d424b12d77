/** The sparse-coding solver extension point and the problem/result values it works on. */
package org.istanas.api.solver;
