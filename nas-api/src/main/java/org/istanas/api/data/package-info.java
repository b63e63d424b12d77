/** The dataset extension point: providers open image datasets already on disk, split into train and test. */
package org.istanas.api.data;
