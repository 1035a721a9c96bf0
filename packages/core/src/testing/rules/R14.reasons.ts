import { describe, expect, it } from 'vitest';
import type { OffboardAdapter } from '../../adapter/OffboardAdapter';
import type { DeactivationReason } from '../../domain/types';
import type { Fresh } from '../context';
import { people } from '../context';
import { as, latestAudit, observer, readAll, refusal, refusedWithoutChange } from '../harness';

const leftCompany: DeactivationReason = { code: 'left-company', note: 'Last day: 31 October. Handover to Óscar.' };

/** Calls a typed caller could not write, as a JavaScript caller or a hostile client could. */
const loose = (adapter: OffboardAdapter) => adapter as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;

export function reasonsSuite(fresh: Fresh): void {
  describe('R14 Deactivation reasons', () => {
    it('R14: a license deactivation keeps its reason in its audit entry, which is the user’s history of changes', async () => {
      const adapter = await fresh();
      const { audit } = await adapter.deactivateLicense(people.spainSeller, { reason: { code: 'role-change' } }, as(people.admin));
      expect(audit).toMatchObject({ action: 'license.deactivated', reason: { code: 'role-change' } });
      const history = await readAll((page) => adapter.listAuditLog({ ...page, targetId: people.spainSeller }, observer));
      expect(history[0]).toEqual(audit);
    });

    it('R14: a user deactivation keeps its reason and note, word for word', async () => {
      const adapter = await fresh();
      const { audit, user } = await adapter.deactivateUser(people.salesperson, { reason: leftCompany }, as(people.admin));
      expect(user.status).toBe('inactive');
      expect(audit.reason).toEqual(leftCompany);
      expect(await latestAudit(adapter)).toEqual(audit);
    });

    it('R14: without the policy a reason is optional: a deactivation without one records none', async () => {
      const adapter = await fresh();
      const { audit } = await adapter.deactivateLicense(people.spainSeller, as(people.admin));
      expect(audit.reason).toBeUndefined();
      const { audit: withoutInput } = await adapter.deactivateUser(people.spainSeller, undefined, as(people.admin));
      expect(withoutInput.reason).toBeUndefined();
    });

    it('R14: with requireReason, a license or user deactivation without a reason is refused with REASON_REQUIRED and changes nothing', async () => {
      const adapter = await fresh({ policy: { requireReason: true } });
      await refusedWithoutChange(adapter, 'REASON_REQUIRED', () => adapter.deactivateLicense(people.spainSeller, as(people.admin)));
      await refusedWithoutChange(adapter, 'REASON_REQUIRED', () => adapter.deactivateUser(people.spainSeller, {}, as(people.admin)));
      const { audit } = await adapter.deactivateUser(people.spainSeller, { reason: { code: 'other' } }, as(people.admin));
      expect(audit.reason).toEqual({ code: 'other' });
    });

    it('R14: REASON_REQUIRED comes after every rule’s own refusal, which the plan predicts', async () => {
      const adapter = await fresh({ policy: { requireReason: true } });
      const plan = await adapter.getOffboardingPlan(people.lastInColombia, {}, as(people.admin));
      expect(plan.refusals.deactivateLicense?.code).toBe('LAST_LICENSE_IN_COUNTRY');
      await refusedWithoutChange(adapter, 'LAST_LICENSE_IN_COUNTRY', () => adapter.deactivateLicense(people.lastInColombia, as(people.admin)));
      await refusedWithoutChange(adapter, 'NOT_FOUND', () => adapter.deactivateUser('u-nobody', as(people.admin)));
      await refusedWithoutChange(adapter, 'FORBIDDEN', () => adapter.deactivateUser(people.spainSeller, as(people.salesperson)));
      expect((await adapter.getOffboardingPlan(people.spainSeller, {}, as(people.admin))).refusals.deactivateUser).toBeNull();
    });

    it('R14: the team downsizing batch gives each license its reason', async () => {
      const adapter = await fresh();
      const batch: string[] = [people.spainSeller, people.otherSpainSeller];
      for (const userId of batch) await adapter.deactivateLicense(userId, { reason: { code: 'downsizing' } }, as(people.admin));
      const entries = (await adapter.listAuditLog({ action: 'license.deactivated' }, observer)).items.filter((entry) => batch.includes(entry.target.id));
      expect(entries.map((entry) => entry.reason)).toEqual([{ code: 'downsizing' }, { code: 'downsizing' }]);
    });

    it('R14: a malformed reason is refused with VALIDATION_FAILED naming the field, changing nothing', async () => {
      const adapter = await fresh();
      const api = loose(adapter);
      const cases: [unknown, string][] = [
        [{ reason: { code: 'fired' } }, 'input.reason.code'],
        [{ reason: {} }, 'input.reason.code'],
        [{ reason: { code: 'other', note: 'x'.repeat(501) } }, 'input.reason.note'],
        [{ reason: { code: 'other', note: 'bell\u0007' } }, 'input.reason.note'],
        [{ reason: { code: 'other', note: 42 } }, 'input.reason.note'],
        [{ reason: { code: 'other', extra: true } }, 'input.reason.extra'],
        [{ reason: 'left-company' }, 'input.reason'],
        [{ why: 'left' }, 'input.why'],
      ];
      for (const [input, field] of cases) {
        for (const method of ['deactivateLicense', 'deactivateUser']) {
          const error = await refusedWithoutChange(adapter, 'VALIDATION_FAILED', () => api[method]!(people.spainSeller, input, as(people.admin)));
          expect(error.details.field, `${method} ${JSON.stringify(input)}`).toBe(field);
        }
      }
      const longest = { code: 'other' as const, note: 'é'.repeat(500) };
      expect((await adapter.deactivateLicense(people.spainSeller, { reason: longest }, as(people.admin))).audit.reason).toEqual(longest);
    });

    it('R14: the reason is part of the request an idempotency key stands for', async () => {
      const adapter = await fresh();
      const context = as(people.admin, { idempotencyKey: 'elena-leaves' });
      const first = await adapter.deactivateUser(people.spainSeller, { reason: leftCompany }, context);
      expect(await adapter.deactivateUser(people.spainSeller, { reason: leftCompany }, context)).toEqual(first);
      await refusal(adapter.deactivateUser(people.spainSeller, { reason: { code: 'other' } }, context), 'IDEMPOTENCY_KEY_REUSED');
      await refusal(adapter.deactivateUser(people.spainSeller, context), 'IDEMPOTENCY_KEY_REUSED');
    });
  });
}
