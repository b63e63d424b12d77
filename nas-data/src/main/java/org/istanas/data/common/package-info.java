/**
 * Building blocks shared by the dataset providers: compact byte-backed splits, an immutable dataset value,
 * provider-option parsing and SHA-256 checksums of the files read.
 */
package org.istanas.data.common;
