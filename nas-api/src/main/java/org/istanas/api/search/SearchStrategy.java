package org.istanas.api.search;

import org.istanas.api.ExtensionPoint;
import org.istanas.api.Named;

/** A neural architecture search algorithm, e.g. two-stage ISTA-NAS, one-stage ISTA-NAS or DARTS. */
@ExtensionPoint
public interface SearchStrategy extends Named {
}
