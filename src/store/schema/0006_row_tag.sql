-- Workspace schema v6: the plaintext columns the code acts on (kind, sync state) are bound to the
-- data key. row_tag is an AEAD seal of nothing under the data key with (id, revision, kind,
-- sync_state) as associated data, so a value changed with sqlite3 shows instead of hiding a record
-- from search or from the next export. Rows written before v6 have none; the first unlock tags
-- them (workspace/session_integrity.cpp).
ALTER TABLE record ADD COLUMN row_tag BLOB;
