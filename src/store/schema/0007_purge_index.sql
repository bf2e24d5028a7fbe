-- Workspace schema v7: the rows a receipt's purge may clear, found by when they were synced. The
-- purge runs after every receipt; without this it read every synced row three times to find the
-- few (usually none) past the retention time, 0.3 s of a 100,000-record sync.
CREATE INDEX record_purge ON record(synced_at) WHERE sync_state = 'synced' AND purged_at IS NULL;
