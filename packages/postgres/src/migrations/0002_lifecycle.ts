/**
 * R14–R16: deactivation reasons in the audit log, scheduled deactivations, the event outbox and
 * webhooks. Every new table's primary key starts with `organisation_id`, like the first
 * migration's; the runner's and dispatcher's indexes span organisations, since one worker serves
 * them all.
 */
export const lifecycle = `
ALTER TABLE organisations ADD COLUMN schedule_seq bigint NOT NULL DEFAULT 0;
ALTER TABLE organisations ADD COLUMN webhook_endpoint_seq integer NOT NULL DEFAULT 0;

-- R14: the reason a deactivation (or a schedule of one) was given; NULL when none was.
ALTER TABLE audit_log ADD COLUMN reason jsonb;

-- R15
CREATE TABLE scheduled_deactivations (
  organisation_id text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  user_id text COLLATE "C" NOT NULL,
  scope text NOT NULL CHECK (scope IN ('license', 'user')),
  at timestamptz NOT NULL,
  reason jsonb,
  status text NOT NULL CHECK (status IN ('pending', 'completed', 'failed', 'cancelled')),
  created_by text COLLATE "C" NOT NULL,
  created_at timestamptz NOT NULL,
  outcome_at timestamptz,
  -- The refusal a failed schedule met: { code, message, details }.
  outcome_error jsonb,
  version integer NOT NULL CHECK (version >= 1),
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, user_id) REFERENCES users (organisation_id, id),
  CHECK ((status = 'pending') = (outcome_at IS NULL)),
  CHECK ((status = 'failed') = (outcome_error IS NOT NULL))
);
-- R15: one pending schedule per user and scope, held by the database as well as the guard.
CREATE UNIQUE INDEX scheduled_deactivations_one_pending ON scheduled_deactivations (organisation_id, user_id, scope) WHERE status = 'pending';
-- The runner's question, across organisations: which pending schedules are due.
CREATE INDEX scheduled_deactivations_due ON scheduled_deactivations (at, organisation_id) WHERE status = 'pending';
-- The listing, soonest first, whole or by user.
CREATE INDEX scheduled_deactivations_by_at ON scheduled_deactivations (organisation_id, at, id);
CREATE INDEX scheduled_deactivations_by_user ON scheduled_deactivations (organisation_id, user_id, at, id);

-- R16: one row per committed audit entry not yet dispatched, written in the change's own
-- transaction: a change that commits has its event waiting here, one that rolls back has none.
CREATE TABLE event_outbox (
  organisation_id text COLLATE "C" NOT NULL,
  audit_seq bigint NOT NULL,
  PRIMARY KEY (organisation_id, audit_seq),
  FOREIGN KEY (organisation_id, audit_seq) REFERENCES audit_log (organisation_id, seq)
);

CREATE TABLE webhook_endpoints (
  organisation_id text COLLATE "C" NOT NULL REFERENCES organisations,
  id text COLLATE "C" NOT NULL,
  url text NOT NULL,
  description text,
  -- The Standard Webhooks secret (whsec_…): signing needs it as it is, so it cannot be hashed.
  secret text NOT NULL,
  created_by text COLLATE "C" NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id)
);

-- One event on its way to one endpoint: the delivery log.
CREATE TABLE webhook_deliveries (
  organisation_id text COLLATE "C" NOT NULL,
  endpoint_id text COLLATE "C" NOT NULL,
  audit_seq bigint NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  last_attempt_at timestamptz,
  last_status integer,
  last_error text,
  delivered_at timestamptz,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, endpoint_id, audit_seq),
  FOREIGN KEY (organisation_id, endpoint_id) REFERENCES webhook_endpoints (organisation_id, id),
  FOREIGN KEY (organisation_id, audit_seq) REFERENCES audit_log (organisation_id, seq),
  CHECK ((status = 'pending') = (next_attempt_at IS NOT NULL))
);
-- The sender's question, across organisations: which deliveries are due.
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
-- The log, newest first.
CREATE INDEX webhook_deliveries_newest ON webhook_deliveries (organisation_id, audit_seq, endpoint_id);
`;
