/**
 * Plots written as PNG with Java 2D only ({@link java.awt.image.BufferedImage} and {@link javax.imageio.ImageIO}),
 * so they work on servers without a display ({@code -Djava.awt.headless=true}) and need no plotting library.
 */
package org.istanas.metrics.plot;
