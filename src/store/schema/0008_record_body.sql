-- Workspace schema v8: the sealed bodies in a table of their own, keyed by the record's seq. A
-- body is most of a record row's bytes, and SQLite rewrites a whole row to change any column:
-- a receipt setting 100,000 heads' sync state rewrote every body with it (about a third of its
-- time). Bodies change only when a record is saved or purged.
CREATE TABLE record_body (
  seq    INTEGER PRIMARY KEY,   -- record.seq
  sealed BLOB NOT NULL          -- nonce || ciphertext, AD = id || revision; x'' once purged
);
INSERT INTO record_body(seq, sealed) SELECT seq, sealed FROM record;
ALTER TABLE record DROP COLUMN sealed;
