/**
 * Datasets read offline (CIFAR-10 binary, IDX, image folders) or generated (synthetic), registered as the
 * {@code nas-data} plugin by {@link org.istanas.data.DataPlugin}; {@link org.istanas.data.Datasets} opens one by
 * provider with a clear error when a data directory is missing.
 */
package org.istanas.data;
