package org.istanas.api.genotype;

/** The two kinds of cell: normal cells keep the resolution, reduction cells halve it and double the channels. */
public enum CellType {
    NORMAL, REDUCE
}
