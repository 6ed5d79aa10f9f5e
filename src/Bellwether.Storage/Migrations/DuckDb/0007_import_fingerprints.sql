-- What the last import read for each table, so that a file given again byte for byte is not read again: its
-- fingerprint (content hash and how it was read), its newest instant (the export's instant still counts it), its rows,
-- and the table's version once that import was stored. A fingerprint holds only while the table is at that version:
-- any other writer (a plan edited from the command line, a later import) moves the version and the file is read again.
CREATE TABLE import_fingerprints (
    workspace_id  VARCHAR   NOT NULL,
    table_name    VARCHAR   NOT NULL,
    fingerprint   VARCHAR   NOT NULL,
    newest_at     TIMESTAMP,
    row_count     BIGINT    NOT NULL,
    table_version BIGINT    NOT NULL,
    import_id     BIGINT    NOT NULL
);
