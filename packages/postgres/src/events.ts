import { eventOf } from '@offboard/core/backend';
import type { Scope } from './frames';
import { AUDIT_COLUMNS, auditOf, integer } from './rows';

/** Outbox rows one dispatching transaction takes at most. */
const DISPATCH_BATCH = 100;

/**
 * R16: hands committed events to this process's subscribers and into each webhook endpoint's
 * delivery log, then takes them out of the outbox, in one transaction per batch. A batch is
 * claimed with `FOR UPDATE SKIP LOCKED`, so dispatchers in several processes share the outbox
 * without taking an event twice; a crash before the commit leaves the batch in the outbox for
 * the next dispatcher (subscribers then hear those events again: at least once). Subscribers are
 * awaited before the commit; one that fails is reported to `onError` and does not hold the
 * outbox back. Answers how many events it dispatched.
 */
export async function dispatchEvents(scope: Scope): Promise<number> {
  let dispatched = 0;
  for (;;) {
    const count = await scope.db.transaction(async (tx) => {
      const { rows } = await tx.query(
        `WITH claimed AS (
           SELECT organisation_id, audit_seq FROM event_outbox ORDER BY organisation_id, audit_seq LIMIT $1 FOR UPDATE SKIP LOCKED
         )
         SELECT a.organisation_id, ${AUDIT_COLUMNS.split(', ').map((column) => `a.${column}`).join(', ')}
         FROM claimed c JOIN audit_log a ON a.organisation_id = c.organisation_id AND a.seq = c.audit_seq
         ORDER BY a.organisation_id, a.seq`,
        [DISPATCH_BATCH],
      );
      if (rows.length === 0) return 0;
      for (const row of rows) await scope.events.publish(eventOf(row.organisation_id as string, auditOf(row)));
      await tx.query(
        `WITH done AS (
           DELETE FROM event_outbox o USING unnest($1::text[], $2::bigint[]) AS c (organisation_id, audit_seq)
           WHERE o.organisation_id = c.organisation_id AND o.audit_seq = c.audit_seq
           RETURNING o.organisation_id, o.audit_seq
         )
         INSERT INTO webhook_deliveries (organisation_id, endpoint_id, audit_seq, status, attempts, next_attempt_at, created_at)
         SELECT d.organisation_id, e.id, d.audit_seq, 'pending', 0, $3, $3
         FROM done d JOIN webhook_endpoints e ON e.organisation_id = d.organisation_id
         ON CONFLICT DO NOTHING`,
        [rows.map((row) => row.organisation_id), rows.map((row) => integer(row.seq)), scope.clock().toISOString()],
      );
      return rows.length;
    });
    dispatched += count;
    if (count < DISPATCH_BATCH) return dispatched;
  }
}
