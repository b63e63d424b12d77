/** Benchmarks of the engine (the logic behind {@code istanas bench}). */
package org.istanas.ops.bench;
