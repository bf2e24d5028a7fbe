-- Workspace schema v5: the hub's number of the review decision a record holds (receipt update
-- "decision"), so an older receipt applied later cannot replace a newer decision. NULL: none yet.
ALTER TABLE record ADD COLUMN review_decision INTEGER;
