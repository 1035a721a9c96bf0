import type { OffboardAdapter, ReadContext } from '../adapter/OffboardAdapter';
import type { HistoryKind } from '../domain/types';

/** R1: what a user leaves behind and is kept forever, in the order the summary lists it. */
export const HISTORY_KINDS = ['call', 'email', 'whatsapp', 'activity', 'metric'] as const satisfies readonly HistoryKind[];

export interface HistoryKindSummary {
  readonly kind: HistoryKind;
  /** Records of this kind kept for the user. */
  readonly count: number;
}

/**
 * R1: how much history is kept for one user, kind by kind: calls, emails, WhatsApp messages,
 * contact activity and performance metrics. One one-record page per kind, for its total, so the
 * summary costs five small reads however long the history is. R12: admin-only, refused by the
 * adapter with `FORBIDDEN` otherwise.
 */
export async function loadHistorySummary(adapter: OffboardAdapter, userId: string, context: ReadContext): Promise<HistoryKindSummary[]> {
  return Promise.all(
    HISTORY_KINDS.map(async (kind) => {
      const page = await adapter.listHistory({ userId, kind, limit: 1 }, context);
      return { kind, count: page.total };
    }),
  );
}
