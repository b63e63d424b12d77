/** MNIST-style IDX files (raw or gzip): Fashion-MNIST and MNIST, including Debian's dataset-fashion-mnist layout. */
package org.istanas.data.idx;
