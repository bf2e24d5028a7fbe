-- Workspace schema v10: no change to the tables. Row tags written from now on are a keyed
-- BLAKE2b-256 of the row's facts (32 bytes, workspace/row_tags.h) instead of a 40-byte seal; this
-- build still reads the seals, but a build before it would take every re-tagged row for damage.
-- Raising the version makes such a build refuse the workspace as made by a newer GoCua instead.
SELECT 1;
