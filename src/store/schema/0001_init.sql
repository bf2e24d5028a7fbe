-- Workspace schema v1. Plaintext columns hold no resident data: ids, kinds, revisions, sync
-- state, form ids, timestamps, and volunteer display names (shown on the unlock screen).
-- Every record body is sealed (XChaCha20-Poly1305 under the workspace data key).

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- One keyslot per volunteer: the data key wrapped under an Argon2id key of their passphrase.
CREATE TABLE keyslot (
  volunteer  TEXT PRIMARY KEY,
  opslimit   INTEGER NOT NULL,
  memlimit   INTEGER NOT NULL,
  salt       BLOB NOT NULL,
  nonce      BLOB NOT NULL,
  wrapped    BLOB NOT NULL,
  created_at TEXT NOT NULL,
  position   INTEGER NOT NULL
) WITHOUT ROWID;

-- The head revision of each record. A rowid table: large sealed bodies append in insert order
-- and only the small unique index on the random id takes random inserts.
CREATE TABLE record (
  seq          INTEGER PRIMARY KEY,
  id           BLOB NOT NULL UNIQUE,      -- 16-byte random UUID
  kind         TEXT NOT NULL,             -- household | resident | application
  revision     INTEGER NOT NULL,          -- 1, 2, ...
  rev_hash     BLOB NOT NULL,             -- keyed BLAKE2b(parent_hash, body)
  parent_hash  BLOB NOT NULL,             -- empty for revision 1
  form_id      TEXT,
  form_version INTEGER,
  sync_state   TEXT NOT NULL DEFAULT 'unsynced',
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  sealed       BLOB NOT NULL              -- nonce || ciphertext, AD = id || revision
);
CREATE INDEX record_kind ON record(kind);

-- Earlier revisions, kept so an edit never silently overwrites.
CREATE TABLE record_history (
  id          BLOB NOT NULL,
  revision    INTEGER NOT NULL,
  rev_hash    BLOB NOT NULL,
  parent_hash BLOB NOT NULL,
  created_at  TEXT NOT NULL,
  sealed      BLOB NOT NULL,
  PRIMARY KEY (id, revision)
) WITHOUT ROWID;

-- Keyed BLAKE2b of a resident's personal ID number → record, for duplicate checks without
-- decrypting (an unkeyed hash of 12 digits would be brute-forced in seconds).
CREATE TABLE id_index (
  id_hash   BLOB PRIMARY KEY,
  record_id BLOB NOT NULL
) WITHOUT ROWID;

-- Who did what to which record, when. No resident data.
CREATE TABLE audit (
  seq       INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  volunteer TEXT NOT NULL,
  action    TEXT NOT NULL,                -- create | update | import | volunteer_add | ...
  record_id BLOB,
  kind      TEXT
);
