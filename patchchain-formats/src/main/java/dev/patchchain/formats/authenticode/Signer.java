package dev.patchchain.formats.authenticode;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who signed, as the signature's certificates say, and when, as its verified timestamp says.
 *
 * <pre>{@code
 * Signer[subject=CN=Test Code Signing, issuer=CN=Test CA, serialNumber=1a2b, chain=[CN=Test Code Signing, CN=Test CA],
 *        timestamp=Optional[2024-01-02T03:04:05Z], timestampKind=RFC3161]
 * }</pre>
 *
 * @param subject       the signer certificate's subject (RFC 2253)
 * @param issuer        its issuer
 * @param serialNumber  its serial number, lower-case hex
 * @param chain         subjects from the signer up: the validated path when a trust store was given, otherwise the
 *                      issuer chain found among the signature's own certificates
 * @param timestamp     the verified timestamp time
 * @param timestampKind what kind of timestamp it is
 */
public record Signer(String subject, String issuer, String serialNumber, List<String> chain,
                     Optional<Instant> timestamp, TimestampKind timestampKind) {

    /** Copies the chain and checks the components. */
    public Signer {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(serialNumber, "serialNumber");
        chain = List.copyOf(chain);
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(timestampKind, "timestampKind");
    }
}
