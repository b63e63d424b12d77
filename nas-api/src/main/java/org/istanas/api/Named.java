package org.istanas.api;

/**
 * Anything a plugin contributes: a stable name, used on the command line and in configuration files, and a
 * one-line description shown by {@code istanas plugins}.
 */
public interface Named {
    /** Stable, lower-case name such as {@code fista} or {@code sep_conv_3x3}. */
    String name();

    /** One line saying what this is, for listings. */
    String description();
}
