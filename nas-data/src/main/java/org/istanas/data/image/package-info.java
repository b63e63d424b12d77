/** Pixel-level helpers in CHW float layout: antialiased resampling and conversion from/to {@code BufferedImage}. */
package org.istanas.data.image;
