package org.istanas.data.common;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 helpers for dataset checksums (provenance). */
public final class Sha256 {
    private Sha256() {
    }

    /** A fresh SHA-256 digest (always available on a conforming JVM). */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Lower-case hex of the digest's result. */
    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** SHA-256 of a UTF-8 string, as hex. */
    public static String ofText(String text) {
        MessageDigest digest = newDigest();
        digest.update(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return hex(digest);
    }
}
