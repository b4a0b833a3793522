-- The sync agent's own state: enrolment identity, server high-water mark, last contact, catalogue version/etag.
CREATE TABLE sync_state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
