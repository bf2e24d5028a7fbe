-- Hub schema v2: the form pack each laptop last reported (batch manifest "form_pack"), so a
-- receipt carries the published pack only to laptops still on an older one.
ALTER TABLE device ADD COLUMN form_pack INTEGER NOT NULL DEFAULT 0;
