-- Workspace schema v3: autosaved drafts (what a screen was typing when the window closed, the
-- laptop locked or the app crashed). One row per slot ("wizard", ...), shared by the volunteers
-- of the workspace. The slot name is the only plaintext; the state itself is sealed under the
-- workspace data key with the slot name in the associated data, so a blob cannot be moved to
-- another slot or into a record.

CREATE TABLE autosave (
  slot       TEXT PRIMARY KEY,
  updated_at TEXT NOT NULL,
  sealed     BLOB NOT NULL  -- nonce || ciphertext, AD = "gocua.workspace.autosave.v1:" || slot
) WITHOUT ROWID;
