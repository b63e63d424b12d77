/**
 * What {@code istanas data inspect} shows: per-split counts, class histogram and pixel statistics measured from the
 * data (JSON or text), and a PNG contact sheet of a few images per class.
 */
package org.istanas.data.inspect;
