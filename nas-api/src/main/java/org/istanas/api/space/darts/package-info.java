/** The {@code darts} search space: {@link org.istanas.api.space.darts.DartsSpace} over the existing genotype types. */
package org.istanas.api.space.darts;
