import type { Page, RegisteredWebhookEndpoint, WebhookDelivery, WebhookDeliveryReport, WebhookEndpoint } from '@offboard/core';
import { MAX_WEBHOOK_ENDPOINTS, eventIdOf, eventOf, invalidField, newWebhookSecret, nextAttemptAt, sendWebhook, standingRefusal } from '@offboard/core/backend';
import { invalidCursor } from './cursor';
import { lockOrganisation, read, readUsers, refuse, type Scope } from './frames';
import { Where, page, type Order } from './listings';
import { SqlReadModel } from './readModel';
import { AUDIT_COLUMNS, auditOf, instant, integer } from './rows';
import { Schemas, validQuery, validate } from './validation';
import type { Row } from './db';

const ENDPOINT_COLUMNS = 'id, url, description, created_by, created_at';
const endpointOf = (row: Row): WebhookEndpoint => ({
  id: row.id as string,
  url: row.url as string,
  description: row.description as string | null,
  createdBy: row.created_by as string,
  createdAt: instant(row.created_at),
});

const DELIVERY_COLUMNS = `d.endpoint_id, d.audit_seq, d.status, d.attempts, d.next_attempt_at, d.last_attempt_at, d.last_status, d.last_error,
  d.delivered_at, d.created_at, (SELECT a.action FROM audit_log a WHERE a.organisation_id = d.organisation_id AND a.seq = d.audit_seq) AS action`;
const timeOrNull = (value: unknown) => (value === null ? null : instant(value));
const deliveryOf = (organisationId: string) => (row: Row): WebhookDelivery => ({
  id: `${row.endpoint_id as string}.${integer(row.audit_seq)}`,
  endpointId: row.endpoint_id as string,
  eventId: eventIdOf(organisationId, integer(row.audit_seq)),
  eventType: row.action as WebhookDelivery['eventType'],
  status: row.status as WebhookDelivery['status'],
  attempts: integer(row.attempts),
  nextAttemptAt: timeOrNull(row.next_attempt_at),
  lastAttemptAt: timeOrNull(row.last_attempt_at),
  lastStatus: row.last_status === null ? null : integer(row.last_status),
  lastError: row.last_error as string | null,
  deliveredAt: timeOrNull(row.delivered_at),
  createdAt: instant(row.created_at),
});

/** Endpoints in the order they were registered (`we-1`, `we-2`…). */
const REGISTERED_FIRST: Order = {
  by: 'length(id), id',
  after(key, next) {
    if (!/^we-\d{1,9}$/.test(key)) throw invalidCursor();
    return { sql: `(length(id), id) > (length($${next}), $${next})`, params: [key] };
  },
  keyOf: (row) => row.id as string,
};

/** The delivery log, newest event first. */
const NEWEST_DELIVERY_FIRST: Order = {
  by: 'd.audit_seq DESC, d.endpoint_id DESC',
  after(key, next) {
    const [seq, endpoint] = key.split('\u0000');
    if (!seq || !/^\d{1,18}$/.test(seq) || endpoint === undefined) throw invalidCursor();
    return { sql: `(d.audit_seq, d.endpoint_id) < ($${next}::bigint, $${next + 1})`, params: [seq, endpoint] };
  },
  keyOf: (row) => `${integer(row.audit_seq)}\u0000${row.endpoint_id as string}`,
};

/** R16 on PostgreSQL: endpoints, the delivery log, and sending with retries. */
export function postgresWebhooks(scope: Scope) {
  return {
    registerWebhookEndpoint(input: unknown, context: unknown): Promise<RegisteredWebhookEndpoint> {
      const caller = validate(Schemas.readContext, context, 'context');
      const { url, description } = validate(Schemas.registerWebhookEndpoint, input, 'input');
      const { organisationId } = caller;
      return scope.db.transaction(async (tx) => {
        await lockOrganisation(tx, organisationId);
        const model = new SqlReadModel(tx, organisationId, scope.policy);
        await readUsers(tx, model, [caller.actorId]);
        refuse(await standingRefusal(model, caller, 'admin'));
        if (!scope.webhooks.isAllowedUrl(new URL(url))) throw invalidField('input.url', 'must be a public URL: this server does not post to its own network');
        const secret = newWebhookSecret();
        const { rows } = await tx.query(
          `WITH next AS (
             UPDATE organisations SET webhook_endpoint_seq = webhook_endpoint_seq + 1
             WHERE organisation_id = $1 AND webhook_endpoint_seq < $2 RETURNING webhook_endpoint_seq
           )
           INSERT INTO webhook_endpoints (organisation_id, id, url, description, secret, created_by, created_at)
           SELECT $1, 'we-' || webhook_endpoint_seq, $3, $4, $5, $6, $7 FROM next RETURNING ${ENDPOINT_COLUMNS}`,
          [organisationId, MAX_WEBHOOK_ENDPOINTS, url, description ?? null, secret, caller.actorId, scope.clock().toISOString()],
        );
        if (!rows[0]) throw invalidField('input.url', `is one endpoint too many: an organisation has at most ${MAX_WEBHOOK_ENDPOINTS}`);
        return { endpoint: endpointOf(rows[0]), secret };
      });
    },

    listWebhookEndpoints(query: unknown, context: unknown): Promise<Page<WebhookEndpoint>> {
      const listing = validQuery(Schemas.listWebhookEndpoints, query);
      const caller = validate(Schemas.readContext, context, 'context');
      return read(scope, caller, { read: 'webhooks' }, (q) =>
        page(q, { from: 'webhook_endpoints', columns: ENDPOINT_COLUMNS, where: new Where('organisation_id', caller.organisationId), order: REGISTERED_FIRST }, listing, endpointOf),
      );
    },

    listWebhookDeliveries(query: unknown, context: unknown): Promise<Page<WebhookDelivery>> {
      const listing = validQuery(Schemas.listWebhookDeliveries, query);
      const caller = validate(Schemas.readContext, context, 'context');
      return read(scope, caller, { read: 'webhooks' }, (q) => {
        const where = new Where('d.organisation_id', caller.organisationId).andIf(listing.endpointId, 'd.endpoint_id = $1').andIf(listing.status, 'd.status = $1');
        // `id` is what `page` reads to tell an empty page from a full one.
        const columns = `d.endpoint_id AS id, ${DELIVERY_COLUMNS}`;
        return page(q, { from: 'webhook_deliveries d', columns, where, order: NEWEST_DELIVERY_FIRST }, listing, deliveryOf(caller.organisationId));
      });
    },

    /**
     * Sends the deliveries due by `now`, one per transaction: the row is claimed with `FOR UPDATE
     * SKIP LOCKED` and held while its request is in flight (at most the policy's `timeoutMs`), so
     * senders in several processes never send one attempt twice; its outcome is recorded in the
     * same transaction. A crash mid-request leaves it due: at least once, under the same `webhook-id`.
     */
    async deliverWebhooks(now: Date = scope.clock()): Promise<WebhookDeliveryReport> {
      const report = { delivered: 0, retrying: 0, failed: 0 };
      for (;;) {
        const status = await scope.db.transaction(async (tx) => {
          const { rows } = await tx.query(
            `SELECT d.organisation_id, d.endpoint_id, d.attempts, e.url, e.secret, ${AUDIT_COLUMNS.split(', ').map((column) => `a.${column}`).join(', ')}
             FROM webhook_deliveries d
             JOIN webhook_endpoints e ON e.organisation_id = d.organisation_id AND e.id = d.endpoint_id
             JOIN audit_log a ON a.organisation_id = d.organisation_id AND a.seq = d.audit_seq
             WHERE d.status = 'pending' AND d.next_attempt_at <= $1
             ORDER BY d.next_attempt_at LIMIT 1 FOR UPDATE OF d SKIP LOCKED`,
            [now.toISOString()],
          );
          const row = rows[0];
          if (!row) return null;
          const event = eventOf(row.organisation_id as string, auditOf(row));
          const result = await sendWebhook({ url: row.url as string, secret: row.secret as string }, event, scope.webhooks);
          const attempts = integer(row.attempts) + 1;
          const next = result.error === null ? null : nextAttemptAt(scope.webhooks, attempts, now);
          const outcome = result.error === null ? 'delivered' : next ? 'pending' : 'failed';
          await tx.query(
            `UPDATE webhook_deliveries SET status = $4, attempts = $5, next_attempt_at = $6, last_attempt_at = $7, last_status = $8, last_error = $9,
               delivered_at = CASE WHEN $4 = 'delivered' THEN $7::timestamptz END
             WHERE organisation_id = $1 AND endpoint_id = $2 AND audit_seq = $3`,
            [row.organisation_id, row.endpoint_id, event.auditSeq, outcome, attempts, next?.toISOString() ?? null, now.toISOString(), result.status, result.error],
          );
          return outcome;
        });
        if (status === null) return report;
        report[status === 'pending' ? 'retrying' : status] += 1;
      }
    },
  };
}
