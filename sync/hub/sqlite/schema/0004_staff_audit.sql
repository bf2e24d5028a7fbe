-- Hub schema v4: staff accounts and the audit log. Each staff member has their own keyslot
-- wrapping the same hub data key (Argon2id, as a laptop's volunteers). A hub made before: its one
-- passphrase slot (meta "keyslot") becomes the first staff member, "Cán bộ 1".
CREATE TABLE staff (
  seq      INTEGER PRIMARY KEY,             -- the order added; the first is the default
  name     TEXT NOT NULL UNIQUE,
  keyslot  BLOB NOT NULL,
  added_at TEXT NOT NULL,
  added_by TEXT NOT NULL                    -- empty for the first
);
INSERT INTO staff(name, keyslot, added_at, added_by)
  SELECT 'Cán bộ 1', value, COALESCE((SELECT CAST(value AS TEXT) FROM meta WHERE key = 'created_at'), ''), ''
  FROM meta WHERE key = 'keyslot';
DELETE FROM meta WHERE key = 'keyslot';

-- Who did what, when: decisions, exports, prints, staff and device changes. target names a
-- record id, device id, staff name or file name, never residents' data. Append only.
CREATE TABLE audit (
  seq    INTEGER PRIMARY KEY,
  at     TEXT NOT NULL,                     -- UTC ISO 8601
  staff  TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT NOT NULL
);
