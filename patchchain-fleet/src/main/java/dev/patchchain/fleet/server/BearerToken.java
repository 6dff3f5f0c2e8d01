package dev.patchchain.fleet.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The shared secret agents present as {@code Authorization: Bearer <token>}. Only its SHA-256 is kept, and
 * presented tokens are hashed and compared in constant time, so neither content nor length leaks through timing.
 *
 * <pre>{@code
 * BearerToken token = BearerToken.of(Files.readString(tokenFile).strip());
 * token.accepts(ctx.header("Authorization"));
 * }</pre>
 */
public final class BearerToken {

    /** The shortest token accepted: 128 bits in hex. */
    public static final int MIN_LENGTH = 32;
    private static final String SCHEME = "Bearer ";

    private final byte[] digest;

    private BearerToken(byte[] digest) {
        this.digest = digest;
    }

    /**
     * @param secret the token text
     * @return the token
     * @throws IllegalArgumentException if it is shorter than {@link #MIN_LENGTH} or contains white space
     */
    public static BearerToken of(String secret) {
        if (secret.length() < MIN_LENGTH || secret.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a token must be at least " + MIN_LENGTH
                    + " characters without white space (e.g. `openssl rand -hex 32`), found " + secret.length()
                    + " characters");
        }
        return new BearerToken(sha256(secret));
    }

    /**
     * @param authorization the {@code Authorization} header, or null
     * @return true if it carries this token
     */
    public boolean accepts(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        return matches(authorization.substring(SCHEME.length()).strip());
    }

    /**
     * @param secret a presented secret (e.g. the password of HTTP Basic authentication)
     * @return true if it is this token, compared in constant time
     */
    public boolean matches(String secret) {
        return MessageDigest.isEqual(digest, sha256(secret));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
