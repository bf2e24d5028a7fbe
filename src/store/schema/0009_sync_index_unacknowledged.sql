-- Workspace schema v9. The sync-state index holds only the heads still waiting for the hub
-- (unsynced, or rejected until edited): a receipt turning 100,000 heads 'synced' deletes their
-- entries instead of moving each one to a new place in the index, and synced heads, the bulk of
-- an old workspace, cost the index nothing. Written as an OR so that SQLite sees a query on
-- either state alone (sync_state='unsynced') implies the index's condition.
DROP INDEX record_sync;
CREATE INDEX record_sync ON record(sync_state, out_sequence) WHERE sync_state = 'unsynced' OR sync_state = 'rejected';
