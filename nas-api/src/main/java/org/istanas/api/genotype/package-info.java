/**
 * Genotypes: the discrete cell architectures a search produces and an evaluation trains. {@link
 * org.istanas.api.genotype.Genotype} is the value type (checked on construction), {@link
 * org.istanas.api.genotype.GenotypeJson} its file format, {@link org.istanas.api.genotype.Genotypes} the published
 * cells and the name-or-file resolver, {@link org.istanas.api.genotype.GenotypeText} and {@link
 * org.istanas.api.genotype.GenotypeDot} the human and Graphviz renderings.
 */
package org.istanas.api.genotype;
