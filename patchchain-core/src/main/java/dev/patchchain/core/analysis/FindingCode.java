package dev.patchchain.core.analysis;

/**
 * The kinds of finding {@link QueueAnalysis} reports. docs/semantics.md explains each, docs/trust.md the last three
 * (the trust findings).
 */
public enum FindingCode {
    /** After boot a file is older than a version queued for it, or than the one on disk now. */
    DOWNGRADE,
    /** A queued file reaches its target but is then overwritten, and it is not known to be superseded. */
    LOST_UPDATE,
    /** A rename or delete whose source is not there at its turn. */
    MISSING_SOURCE,
    /** A rename without {@code !} whose target exists: it is refused and its staged file stays. */
    TARGET_EXISTS_NO_REPLACE,
    /** A rename superseded by a later one to the same target with an equal or newer version. */
    REDUNDANT,
    /** A staged file that is still on disk after boot: nothing moved or deleted it. */
    ORPHAN_TEMP,
    /** A file is moved back to where it came from; whatever it replaced on the way is lost. */
    CYCLE,
    /** Strings that are not an operation we understand: odd count, unknown marker, bad path. */
    UNPARSEABLE,
    /** Any other operation that fails at boot: missing directory, different volumes, path syntax, ... */
    BOOT_FAILURE,
    /** A source carries a marker such as {@code *1}: written by current Windows, stripped at boot. */
    SOURCE_MARKER,
    /** The value's layout is odd but harmless or repaired: padding, missing terminator, odd length. */
    LAYOUT,
    /** No volume was given: versions and existence are unknown, outcomes rest on assumptions. */
    VERSIONS_UNKNOWN,
    /** A staged file in a user-writable folder ({@link TrustRules}) would replace a system file. */
    SUSPICIOUS_SOURCE,
    /** A validly signed file is replaced by one validly signed by someone else. */
    SIGNER_CHANGED,
    /** A validly signed system file is replaced by an unsigned one, or by one whose signature does not validate. */
    UNSIGNED_REPLACEMENT
}
