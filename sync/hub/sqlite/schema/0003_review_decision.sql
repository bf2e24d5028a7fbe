-- Hub schema v3: each review decision is numbered (the staff clock in milliseconds, and always
-- above the record's previous decision), and receipts carry the number, so a laptop never lets an
-- older receipt replace a newer decision. Decisions made before: 0.
ALTER TABLE review ADD COLUMN decision INTEGER NOT NULL DEFAULT 0;
