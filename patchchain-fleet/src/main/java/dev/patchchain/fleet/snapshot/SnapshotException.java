package dev.patchchain.fleet.snapshot;

import java.io.IOException;

/**
 * A snapshot was refused, with why: {@link Kind} tells a too-large or non-JSON input from a schema violation, and
 * the message says where (a JSON pointer), what was expected and what was found.
 */
public final class SnapshotException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Why a snapshot was refused. */
    public enum Kind {
        /** Larger than {@link SnapshotFormat#MAX_BYTES}. */
        TOO_LARGE,
        /** Not well-formed JSON, or not a JSON object. */
        NOT_JSON,
        /** A schema version this tool does not read. */
        UNSUPPORTED_VERSION,
        /** Well-formed JSON that breaks the schema. */
        INVALID
    }

    private final Kind kind;

    /**
     * @param kind    why
     * @param message what, where, expected and actual
     */
    public SnapshotException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    /** @return why the snapshot was refused */
    public Kind kind() {
        return kind;
    }
}
