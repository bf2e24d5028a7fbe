-- Hub schema v5: indexes for the lookups the hub really makes, so a bulk import writes less. A
-- review names its record's device (a record never changes device), so a device's decisions are
-- found through the small review table instead of an index over every record's 32-byte device
-- key; the procedure index holds applications only (other records have none).
ALTER TABLE review ADD COLUMN device BLOB;
UPDATE review SET device = (SELECT device FROM record WHERE record.id = review.record_id);
CREATE INDEX review_device ON review(device);
DROP INDEX record_device;
DROP INDEX record_procedure;
CREATE INDEX record_procedure ON record(procedure) WHERE procedure IS NOT NULL;
