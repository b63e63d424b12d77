/**
 * ImageNet-style folders ({@code train/<class>/*.jpg|png}, {@code val/<class>/...}) decoded with
 * {@code javax.imageio} and resized on the fly.
 */
package org.istanas.data.folder;
