-- Workspace schema v2: sync with the commune hub (sync/README.md). Still no resident data in
-- clear: the hub's review notes arrive sealed to this laptop's box key and stay sealed here.

ALTER TABLE record ADD COLUMN sent_sequence   INTEGER;  -- last batch the head went out in
ALTER TABLE record ADD COLUMN synced_revision INTEGER;  -- revision the hub acknowledged
ALTER TABLE record ADD COLUMN synced_at       TEXT;
ALTER TABLE record ADD COLUMN reject_reason   TEXT;     -- catalog code the hub gave
ALTER TABLE record ADD COLUMN review_status   TEXT;     -- accepted | needs_documents | returned
ALTER TABLE record ADD COLUMN review_note     BLOB;     -- crypto_box_seal to this device
ALTER TABLE record ADD COLUMN review_at       TEXT;
ALTER TABLE record ADD COLUMN purged_at       TEXT;     -- retention: body dropped, stub kept
CREATE INDEX record_sync ON record(sync_state);

-- Batches this laptop made, by its own increasing sequence.
CREATE TABLE batch (
  sequence   INTEGER PRIMARY KEY,
  batch_id   BLOB NOT NULL,
  created_at TEXT NOT NULL,
  records    INTEGER NOT NULL,
  bytes      INTEGER NOT NULL,
  status     TEXT NOT NULL DEFAULT 'sent'  -- sent | imported | replay | quarantined | rejected
);
