-- The document vault's index (kiosk/capture/vault.py): one row per captured file by the SHA-256 of its plain
-- content, never the content itself (that is an AES-GCM file in the vault folder beside this database).
-- kept: put, no submitted event needs it yet · referenced: an outbox event names it · uploaded: the server said
-- complete · confirmed: uploaded and every event naming it accepted; the file is deleted.
CREATE TABLE vault_blobs (
    sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    size INTEGER NOT NULL CHECK (size >= 0),
    media_type TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('kept', 'referenced', 'uploaded', 'confirmed')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX vault_blobs_state ON vault_blobs (state, created_at);

-- Which outbox event names which blob (written in the event's own transaction by kiosk/capture/blob_events.py).
CREATE TABLE vault_links (
    seq INTEGER NOT NULL REFERENCES outbox (seq),
    sha256 TEXT NOT NULL REFERENCES vault_blobs (sha256),
    PRIMARY KEY (seq, sha256)
) STRICT;
CREATE INDEX vault_links_blob ON vault_links (sha256, seq);
