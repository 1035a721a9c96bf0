import type { AuditAction } from '@offboard/core';
import type { Page } from 'playwright-core';

/** Audit entries of the story's own backend (exposed by the stories' loader, with its observer), by action and target. */
export function auditCount(page: Page, action: AuditAction, targetId?: string): Promise<number> {
  return page.evaluate(
    async ({ action, targetId }) => {
      type Story = { backend: { listAuditLog(query: object, context: object): Promise<{ total: number }> }; observer: object };
      const story = (globalThis as unknown as { __offboardStory: Story }).__offboardStory;
      return (await story.backend.listAuditLog({ action, ...(targetId ? { targetId } : {}), limit: 500 }, story.observer)).total;
    },
    { action, targetId },
  );
}
