-- Hub schema v1. Clear columns hold no resident data: ids, kinds, revisions, form ids, device
-- keys, sequence numbers, review statuses, timestamps. Record bodies and staff notes are sealed
-- (XChaCha20-Poly1305 under the hub data key); the hub's secret keys are sealed under the same
-- key, which is itself wrapped under the staff passphrase (Argon2id keyslot).

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value BLOB NOT NULL
) WITHOUT ROWID;

-- Enrolled laptops. last_seq_at_revoke: the highest sequence accepted before revocation; later
-- batches from the device are quarantined.
CREATE TABLE device (
  id                 BLOB PRIMARY KEY,      -- Ed25519 sign key, 32 bytes
  box_public         BLOB NOT NULL,         -- X25519, staff notes are sealed to it
  volunteers         TEXT NOT NULL,         -- JSON array of display names
  workspace_id       TEXT NOT NULL,
  enrolled_at        TEXT NOT NULL,
  revoked_at         TEXT,
  last_seq_at_revoke INTEGER,
  recovery_slot      BLOB                   -- latest manifest recovery_slot (sealed to recovery key)
) WITHOUT ROWID;

-- One row per imported batch; the stored receipt answers an identical replay.
CREATE TABLE ledger (
  device      BLOB NOT NULL,
  sequence    INTEGER NOT NULL,
  batch_id    BLOB NOT NULL,
  file_hash   BLOB NOT NULL,                -- BLAKE2b-256 of the whole .gcb
  imported_at TEXT NOT NULL,
  receipt     BLOB NOT NULL,                -- the signed .gcr bytes
  PRIMARY KEY (device, sequence)
) WITHOUT ROWID;

-- Batches kept but not imported (ciphertext files under quarantine/), never deleted.
CREATE TABLE quarantine (
  seq         INTEGER PRIMARY KEY,
  device      BLOB NOT NULL,
  sequence    INTEGER NOT NULL,
  batch_id    BLOB NOT NULL,
  file_hash   BLOB NOT NULL,
  reason      TEXT NOT NULL,
  file_name   TEXT NOT NULL,
  received_at TEXT NOT NULL,
  UNIQUE (device, sequence, file_hash)
);

-- The head revision of each record. sealed = the whole payload line, AD = id || le64(revision).
CREATE TABLE record (
  seq          INTEGER PRIMARY KEY,
  id           BLOB NOT NULL UNIQUE,        -- 16-byte UUID
  kind         TEXT NOT NULL,
  procedure    TEXT,                        -- form id of an application
  form_version INTEGER,
  device       BLOB NOT NULL,
  revision     INTEGER NOT NULL,
  received_at  TEXT NOT NULL,
  sealed       BLOB NOT NULL
);
CREATE INDEX record_device ON record(device);
CREATE INDEX record_procedure ON record(procedure);

-- Staff decisions; note sealed under the hub data key (AD = "note" || id || le64(revision)).
CREATE TABLE review (
  record_id   BLOB PRIMARY KEY,
  revision    INTEGER NOT NULL,
  status      TEXT NOT NULL,
  note        BLOB,
  at          TEXT NOT NULL
) WITHOUT ROWID;
