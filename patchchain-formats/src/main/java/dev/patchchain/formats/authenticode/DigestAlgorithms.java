package dev.patchchain.formats.authenticode;

import java.util.Map;
import java.util.Optional;

/** The digest algorithms Authenticode and catalogs use, from their ASN.1 object identifiers to JCA names. */
final class DigestAlgorithms {

    private static final Map<String, String> BY_OID = Map.of(
            "1.2.840.113549.2.5", "MD5",
            "1.3.14.3.2.26", "SHA-1",
            "2.16.840.1.101.3.4.2.1", "SHA-256",
            "2.16.840.1.101.3.4.2.2", "SHA-384",
            "2.16.840.1.101.3.4.2.3", "SHA-512");

    private DigestAlgorithms() {
    }

    /**
     * @param oid a digest algorithm's object identifier
     * @return its JCA name, empty if it is not one we know
     */
    static Optional<String> jcaName(String oid) {
        return Optional.ofNullable(BY_OID.get(oid));
    }
}
