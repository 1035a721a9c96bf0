/**
 * The first schema. Every table's primary key starts with `organisation_id`: it is the tenant
 * boundary (R13), the leading column of every index a query of one organisation uses, and the
 * distribution column should the tables be sharded (Citus: all tables co-located on it). Foreign
 * keys include it too, so no record can point into another organisation. A table whose rows
 * name a user reaches the organisation through that user's key, so it carries no second foreign
 * key to organisations: every check costs an index lookup per inserted row.
 *
 * Ids compare byte by byte (COLLATE "C"), the order the in-memory backend's listings use, whatever
 * the database's locale.
 */
export const initial = `
CREATE TABLE organisations (
  organisation_id text COLLATE "C" PRIMARY KEY,
  seats_total integer NOT NULL CHECK (seats_total >= 0),
  -- The last audit sequence number handed out: each organisation's log counts from 1 without gaps (R10).
  audit_seq bigint NOT NULL DEFAULT 0,
  -- Live idempotency keys, kept in step with the table so bounding them needs no count (R11).
  idempotency_keys integer NOT NULL DEFAULT 0
);

CREATE TABLE users (
  organisation_id text COLLATE "C" NOT NULL REFERENCES organisations,
  id text COLLATE "C" NOT NULL,
  name text NOT NULL,
  email text NOT NULL,
  -- Lower-cased by the application as the in-memory backend does, so both sort and search alike
  -- whatever the database's locale.
  name_lower text COLLATE "C" NOT NULL,
  email_lower text COLLATE "C" NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'member')),
  status text NOT NULL CHECK (status IN ('active', 'inactive')),
  license_country text COLLATE "C",
  license_status text CHECK (license_status IN ('active', 'inactive')),
  version integer NOT NULL CHECK (version >= 1),
  PRIMARY KEY (organisation_id, id),
  CHECK ((license_country IS NULL) = (license_status IS NULL)),
  -- Seats and R4 count active licenses: only an active user holds one.
  CHECK (NOT (status = 'inactive' AND license_status = 'active'))
);
-- The users listing: name (cut to 80 characters, the cursor's size), then id.
CREATE INDEX users_by_name ON users (organisation_id, left(name_lower, 80), id);
CREATE INDEX users_with_active_license ON users (organisation_id, license_country) WHERE license_status = 'active';
CREATE INDEX users_active_admins ON users (organisation_id) WHERE role = 'admin' AND status = 'active';

CREATE TABLE contacts (
  organisation_id text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  name text NOT NULL,
  owner_id text COLLATE "C" NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, owner_id) REFERENCES users (organisation_id, id)
);
CREATE INDEX contacts_by_owner ON contacts (organisation_id, owner_id, id);

CREATE TABLE tasks (
  organisation_id text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  title text NOT NULL,
  assignee_id text COLLATE "C" NOT NULL,
  state text NOT NULL CHECK (state IN ('created', 'completed')),
  transferable boolean NOT NULL,
  transfer_reason text CHECK (transfer_reason = 'User deactivated'),
  version integer NOT NULL CHECK (version >= 1),
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, assignee_id) REFERENCES users (organisation_id, id),
  CHECK (transferable = (transfer_reason IS NOT NULL))
);
CREATE INDEX tasks_by_assignee ON tasks (organisation_id, assignee_id, id);
-- R6: the tasks waiting for a taker.
CREATE INDEX tasks_transferable ON tasks (organisation_id, id) WHERE transferable;

CREATE TABLE sales_brains (
  organisation_id text COLLATE "C" NOT NULL REFERENCES organisations,
  id text COLLATE "C" NOT NULL,
  name text NOT NULL,
  PRIMARY KEY (organisation_id, id)
);

-- One row per member, in the brain's order, so R2's "leave every Sales Brain" is one indexed delete.
CREATE TABLE sales_brain_members (
  organisation_id text COLLATE "C" NOT NULL,
  brain_id text COLLATE "C" NOT NULL,
  user_id text COLLATE "C" NOT NULL,
  position integer NOT NULL,
  PRIMARY KEY (organisation_id, brain_id, user_id),
  FOREIGN KEY (organisation_id, brain_id) REFERENCES sales_brains (organisation_id, id),
  FOREIGN KEY (organisation_id, user_id) REFERENCES users (organisation_id, id)
);
CREATE INDEX sales_brain_members_by_user ON sales_brain_members (organisation_id, user_id);

CREATE TABLE phone_numbers (
  organisation_id text COLLATE "C" NOT NULL REFERENCES organisations,
  id text COLLATE "C" NOT NULL,
  number text NOT NULL,
  country text COLLATE "C" NOT NULL,
  status text NOT NULL CHECK (status IN ('active', 'inactive')),
  version integer NOT NULL CHECK (version >= 1),
  PRIMARY KEY (organisation_id, id)
);
CREATE INDEX phone_numbers_active_by_country ON phone_numbers (organisation_id, country, id) WHERE status = 'active';

CREATE TABLE history (
  organisation_id text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  kind text NOT NULL CHECK (kind IN ('call', 'email', 'whatsapp', 'activity', 'metric')),
  user_id text COLLATE "C" NOT NULL,
  contact_id text COLLATE "C",
  at timestamptz NOT NULL,
  summary text NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, user_id) REFERENCES users (organisation_id, id),
  FOREIGN KEY (organisation_id, contact_id) REFERENCES contacts (organisation_id, id)
);
CREATE INDEX history_by_user ON history (organisation_id, user_id, id);
CREATE INDEX history_by_contact ON history (organisation_id, contact_id, id) WHERE contact_id IS NOT NULL;

CREATE TABLE sessions (
  organisation_id text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  user_id text COLLATE "C" NOT NULL,
  started_at timestamptz NOT NULL,
  ended_at timestamptz,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, user_id) REFERENCES users (organisation_id, id)
);
CREATE INDEX sessions_open_by_user ON sessions (organisation_id, user_id) WHERE ended_at IS NULL;

CREATE TABLE audit_log (
  organisation_id text COLLATE "C" NOT NULL REFERENCES organisations,
  seq bigint NOT NULL CHECK (seq >= 1),
  id text NOT NULL,
  at timestamptz NOT NULL,
  actor_id text COLLATE "C" NOT NULL,
  action text NOT NULL,
  target_type text NOT NULL,
  target_id text COLLATE "C" NOT NULL,
  effects jsonb NOT NULL,
  PRIMARY KEY (organisation_id, seq)
);
CREATE INDEX audit_log_by_target ON audit_log (organisation_id, target_id, seq);
CREATE INDEX audit_log_by_actor ON audit_log (organisation_id, actor_id, seq);

-- R10 in the database itself: whoever holds a connection, the log only grows.
CREATE FUNCTION offboard_audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (R10): % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION offboard_audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION offboard_audit_log_is_append_only();

-- R11, R13: the first success of each key, per (organisation, actor). The result is kept without
-- its audit entry, which replays join back by sequence number.
CREATE TABLE idempotency_keys (
  organisation_id text COLLATE "C" NOT NULL REFERENCES organisations,
  actor_id text COLLATE "C" NOT NULL,
  key text COLLATE "C" NOT NULL,
  fingerprint text NOT NULL,
  result jsonb NOT NULL,
  audit_seq bigint NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, actor_id, key),
  FOREIGN KEY (organisation_id, audit_seq) REFERENCES audit_log (organisation_id, seq)
);
-- Expired keys go first, then the soonest to expire once an organisation holds too many.
CREATE INDEX idempotency_keys_by_expiry ON idempotency_keys (organisation_id, expires_at);
`;
