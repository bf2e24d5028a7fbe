-- Hub schema v6: the audit log looked up by what it names, so opening one application at the desk
-- reads its own history instead of the whole log.
CREATE INDEX audit_target ON audit(target);
