/** Genotypes: the discrete cell architectures a search produces and an evaluation trains. */
package org.istanas.api.genotype;
