import { describe, expect, it, vi } from 'vitest';
import type { LifecycleEvent } from '../../src';
import { DEMO_NOW, demoOrganisation } from '../../src/fixtures';
import { createInMemoryBackend } from '../../src/inMemory';
import { as, people } from '../../src/testing';

describe('R16 events (in-memory backend)', () => {
  it('R16: a change that fails half-way (the clock throws at its audit entry) rolls back and announces nothing', async () => {
    let broken = false;
    const backend = createInMemoryBackend({
      data: demoOrganisation(),
      clock: () => {
        if (broken) throw new Error('clock unavailable');
        return new Date(DEMO_NOW);
      },
    });
    const heard: LifecycleEvent[] = [];
    backend.subscribe((event) => void heard.push(event));
    broken = true;
    await expect(backend.deactivateUser(people.salesperson, { reason: { code: 'other' } }, as(people.admin))).rejects.toThrow('clock unavailable');
    expect(heard).toEqual([]);
    broken = false;
    await backend.deactivateUser(people.salesperson, as(people.admin));
    expect(heard.map((event) => event.type)).toEqual(['user.deactivated']);
  });

  it('R16: a listener that throws is reported to onError; the change stands and the other listeners still hear it', async () => {
    const onError = vi.fn();
    const backend = createInMemoryBackend({ data: demoOrganisation(), onError });
    const heard: string[] = [];
    backend.subscribe(() => {
      throw new Error('listener bug');
    });
    backend.subscribe(async () => Promise.reject(new Error('async listener bug')));
    backend.subscribe((event) => void heard.push(event.type));
    const { user } = await backend.deactivateLicense(people.spainSeller, as(people.admin));
    await vi.waitFor(() => expect(onError).toHaveBeenCalledTimes(2));
    expect(onError.mock.calls.map(([error, event]) => [(error as Error).message, (event as LifecycleEvent).type])).toEqual([
      ['listener bug', 'license.deactivated'],
      ['async listener bug', 'license.deactivated'],
    ]);
    expect([user.license?.status, heard]).toEqual(['inactive', ['license.deactivated']]);
  });

  it('R16: listeners hear events in commit order, synchronously as each change commits; unsubscribing stops them', async () => {
    const backend = createInMemoryBackend({ data: demoOrganisation() });
    const heard: number[] = [];
    const stop = backend.subscribe((event) => void heard.push(event.auditSeq));
    await Promise.all([
      backend.deactivateLicense(people.spainSeller, as(people.admin)),
      backend.deactivateLicense(people.otherSpainSeller, as(people.admin)),
      backend.deactivatePhoneNumber('pn-es-1', as(people.admin)),
    ]);
    expect(heard).toEqual([3, 4, 5]);
    expect(await backend.dispatchEvents()).toBe(0);
    stop();
    await backend.reactivateUser(people.inactive, as(people.admin));
    expect(heard).toEqual([3, 4, 5]);
  });
});
