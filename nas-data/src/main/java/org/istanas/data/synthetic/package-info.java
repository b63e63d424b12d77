/**
 * The {@code synthetic} dataset: seeded, file-free, class-structured 3x32x32 images (oriented textures and shapes at
 * random positions, sizes and colours, with noise) on which convolutional structure matters.
 */
package org.istanas.data.synthetic;
