-- Snapshots as received; (machine_id, scan_id) is the idempotency key.
CREATE TABLE snapshots (
    id               BIGSERIAL PRIMARY KEY,
    machine_id       TEXT    NOT NULL,
    scan_id          TEXT    NOT NULL,
    scanned_at       BIGINT  NOT NULL, -- epoch milliseconds
    scan_day         INTEGER NOT NULL, -- epoch day (UTC), for trends without date functions
    received_at      BIGINT  NOT NULL,
    host_name        TEXT    NOT NULL,
    os_build         TEXT,
    tool_version     TEXT    NOT NULL,
    status           TEXT    NOT NULL,
    queue_operations INTEGER NOT NULL,
    downgrades       INTEGER NOT NULL,
    body             TEXT    NOT NULL,
    UNIQUE (machine_id, scan_id)
);
CREATE INDEX snapshots_scan_day ON snapshots (scan_day);

-- One row per finding per snapshot, with its first path (what "downgrades by file" counts).
CREATE TABLE findings (
    snapshot_id BIGINT  NOT NULL REFERENCES snapshots (id),
    position    INTEGER NOT NULL,
    code        TEXT    NOT NULL,
    severity    TEXT    NOT NULL,
    path        TEXT,
    PRIMARY KEY (snapshot_id, position)
);
CREATE INDEX findings_code_path ON findings (code, path);

-- The latest snapshot of each machine (by scan time).
CREATE TABLE machines (
    machine_id         TEXT    PRIMARY KEY,
    latest_snapshot_id BIGINT  NOT NULL REFERENCES snapshots (id),
    last_scanned_at    BIGINT  NOT NULL
);
CREATE INDEX machines_latest ON machines (latest_snapshot_id);
