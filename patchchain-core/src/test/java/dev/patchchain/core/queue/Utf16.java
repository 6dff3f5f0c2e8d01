package dev.patchchain.core.queue;

import java.nio.charset.StandardCharsets;

/** Builds REG_MULTI_SZ test data from a string whose NULs are written as {@code \0}. */
final class Utf16 {

    private Utf16() {
    }

    static byte[] of(String withNuls) {
        return withNuls.getBytes(StandardCharsets.UTF_16LE);
    }
}
