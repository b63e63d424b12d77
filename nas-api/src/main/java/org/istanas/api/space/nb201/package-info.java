/**
 * The NAS-Bench-201 cell space (Dong and Yang, ICLR 2020): the cell value type {@link
 * org.istanas.api.space.nb201.Nb201Cell}, the official architecture string ({@link
 * org.istanas.api.space.nb201.Nb201ArchString}), the benchmark index recipe ({@link
 * org.istanas.api.space.nb201.Nb201Index}), renderings and the {@link org.istanas.api.space.nb201.Nb201Space}
 * plugin with its genotype-file codec.
 */
package org.istanas.api.space.nb201;
