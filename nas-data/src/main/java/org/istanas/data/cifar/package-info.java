/** CIFAR-10 in the official binary format ({@code cifar-10-batches-bin}), validated record by record. */
package org.istanas.data.cifar;
