/**
 * The istanas contract shared by the framework and its plugins: stability annotations and naming.
 * Sub-packages hold one extension point each ({@code solver}, {@code data}, {@code op}, {@code search}), the plugin
 * entry point ({@code spi}) and the genotype model ({@code genotype}). Nothing here depends on the numeric engine.
 */
package org.istanas.api;
