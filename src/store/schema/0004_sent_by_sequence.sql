-- Workspace schema v4: "sent" is no longer written into every record row at export. Marking
-- 100,000 heads sent rewrote the whole table (most of an export's time); now each head keeps the
-- batch sequence that was next when it was written, and it counts as sent once a batch with that
-- sequence or a later one exists (store/repository_sync.cpp). An export writes one batch row.
ALTER TABLE record ADD COLUMN out_sequence INTEGER NOT NULL DEFAULT 0;

-- Heads never sent wait for the next batch; heads already sent keep 0 (sent in an earlier one).
UPDATE record SET out_sequence = coalesce((SELECT CAST(value AS INTEGER) FROM meta
                                           WHERE key = 'sync.next_sequence'), 1)
 WHERE sync_state = 'unsynced';
UPDATE record SET sync_state = 'unsynced' WHERE sync_state = 'sent';

DROP INDEX record_sync;
CREATE INDEX record_sync ON record(sync_state, out_sequence);
