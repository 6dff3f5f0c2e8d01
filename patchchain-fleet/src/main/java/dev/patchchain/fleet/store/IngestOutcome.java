package dev.patchchain.fleet.store;

/** What storing a snapshot did: like HTTP 201 and 200 for the ingest endpoint. */
public enum IngestOutcome {
    /** The snapshot was new and is now stored. */
    NEW,
    /** A snapshot with the same machine id and scan id was already stored; nothing changed. */
    DUPLICATE
}
