import { describe, expect, it } from 'vitest';
import { scheduleDeactivationRefusal } from '../../src/backend';
import { createInMemoryBackend } from '../../src/inMemory';
import { demoOrganisation } from '../../src/fixtures';
import { as } from '../../src/testing';

describe('scheduleDeactivationRefusal (R15)', () => {
  it('R15: a user without a license may have their user deactivation scheduled, not a license deactivation', async () => {
    const model = createInMemoryBackend({ data: demoOrganisation() }).readModel();
    expect(await scheduleDeactivationRefusal(model, as('u-ana'), 'u-julia', 'user', undefined)).toBeNull();
    const refusal = await scheduleDeactivationRefusal(model, as('u-ana'), 'u-julia', 'license', undefined);
    expect(refusal).toMatchObject({ code: 'NO_LICENSE', details: { id: 'u-julia' } });
    // A salesperson's license may be scheduled to go: the license scope asks for one, and Carla holds one.
    expect(await scheduleDeactivationRefusal(model, as('u-ana'), 'u-carla', 'license', undefined)).toBeNull();
  });
});
