-- Admin tokens (hashed; the token's public id is its prefix) and the audit log of admin actions.
CREATE TABLE phaenthi_admin_tokens (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  scope TEXT NOT NULL,
  hash TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  revoked_at TIMESTAMPTZ
);
-- a name identifies the one valid token of that name (revoke --name)
CREATE UNIQUE INDEX phaenthi_admin_tokens_valid_name ON phaenthi_admin_tokens (name)
  WHERE revoked_at IS NULL;

CREATE TABLE phaenthi_audit (
  seq BIGSERIAL PRIMARY KEY,
  at TIMESTAMPTZ NOT NULL,
  who TEXT NOT NULL,
  action TEXT NOT NULL,
  file TEXT,
  sha256 TEXT,
  row_count BIGINT,
  publication BIGINT,
  detail TEXT
);
CREATE INDEX phaenthi_audit_who ON phaenthi_audit (who, seq DESC);
