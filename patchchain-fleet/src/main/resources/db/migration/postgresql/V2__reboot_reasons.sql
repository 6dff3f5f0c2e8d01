-- Why a reboot is pending, one row per reason code per snapshot: the codes of the snapshot's /signals/reasons, or,
-- for a snapshot without signals, file-rename-pending when its queue has operations (what "reboots pending by
-- reason" counts).
CREATE TABLE reboot_reasons (
    snapshot_id BIGINT NOT NULL REFERENCES snapshots (id),
    code        TEXT    NOT NULL,
    PRIMARY KEY (snapshot_id, code)
);
CREATE INDEX reboot_reasons_code ON reboot_reasons (code);

-- Snapshots stored before signals were kept: their queue is the one reason known.
INSERT INTO reboot_reasons (snapshot_id, code) SELECT id, 'file-rename-pending' FROM snapshots WHERE queue_operations > 0;
