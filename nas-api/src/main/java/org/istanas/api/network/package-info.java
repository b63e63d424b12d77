/**
 * Engine-neutral network contracts used by search strategies and evaluation: networks, parameter groups,
 * optimizers. Implemented on ND4J in {@code org.istanas.ops.engine}.
 */
package org.istanas.api.network;
