-- Workspace schema v7. The rows a receipt's purge may clear, found by when they were synced. The
-- purge runs after every receipt; without this it read every synced row three times to find the
-- few (usually none) past the retention time, 0.3 s of a 100,000-record sync.
CREATE INDEX record_purge ON record(synced_at) WHERE sync_state = 'synced' AND purged_at IS NULL;
-- The purged stubs alone: an unlock checks every other row's tag as it loads it, so an export
-- in the same session need only check these (workspace/row_tags.h).
CREATE INDEX record_purged ON record(seq) WHERE purged_at IS NOT NULL;
