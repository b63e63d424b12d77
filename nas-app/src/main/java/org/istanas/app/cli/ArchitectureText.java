package org.istanas.app.cli;

import org.istanas.api.genotype.Genotype;
import org.istanas.api.genotype.GenotypeText;
import org.istanas.api.space.Architecture;
import org.istanas.api.space.nb201.Nb201Cell;
import org.istanas.api.space.nb201.Nb201Rendering;

/** The text drawing of a found architecture at the end of a search: each built-in space draws its own. */
final class ArchitectureText {
    private ArchitectureText() {
    }

    static String render(Architecture architecture) {
        if (architecture instanceof Genotype genotype) {
            return GenotypeText.render(genotype);
        }
        if (architecture instanceof Nb201Cell cell) {
            String text = Nb201Rendering.text(cell);
            return text.endsWith("\n") ? text : text + "\n";
        }
        return architecture.space() + " architecture: " + architecture + "\n";
    }
}
