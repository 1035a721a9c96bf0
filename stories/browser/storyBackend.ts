import type { AuditAction } from '@offboard/core';
import type { Page } from 'playwright-core';

/** Audit entries of the story's own backend (exposed by the stories' loader), by action and target. */
export function auditCount(page: Page, action: AuditAction, targetId?: string): Promise<number> {
  return page.evaluate(
    async ({ action, targetId }) => {
      const story = (globalThis as unknown as { __offboardStory: { backend: { listAuditLog(query: object): Promise<{ total: number }> } } }).__offboardStory;
      return (await story.backend.listAuditLog({ action, ...(targetId ? { targetId } : {}), limit: 500 })).total;
    },
    { action, targetId },
  );
}
