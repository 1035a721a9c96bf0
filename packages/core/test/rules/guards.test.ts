import { describe, expect, it } from 'vitest';
import type { OffboardData } from '../../src';
import {
  cancelScheduleRefusal,
  deactivatePhoneNumberRefusal,
  isEligibleReassignTarget,
  isLastActiveAdmin,
  isLastLicenseInCountry,
  standingRefusal,
  takeTaskRefusal,
} from '../../src/backend';
import { standingRefusalOf } from '../../src/rules/guards';
import { createInMemoryBackend } from '../../src/inMemory';
import { demoOrganisation, singleAdminOrganisation, withUserDeactivated } from '../../src/fixtures';
import { as } from '../../src/testing';

/**
 * The guards a backend calls directly (`@offboard/core/backend`), over the in-memory read model.
 * The adapter tests reach them through the in-memory backend, whose frame checks the caller's
 * standing first; a host's own backend may call a guard with no such frame.
 */
const modelOf = (data: OffboardData = demoOrganisation()) => createInMemoryBackend({ data }).readModel();
const service = { ...as('svc-sync'), kind: 'service' as const };

describe('guards over a read model', () => {
  it('R4: the last active license of a country with active numbers is the last license; a shared, inactive or missing one is not', async () => {
    const model = modelOf();
    const user = async (id: string) => (await model.findUser(id))!;
    // Diego alone holds Colombia's license and it has active numbers; Carla shares Spain's.
    expect(await isLastLicenseInCountry(model, await user('u-diego'))).toBe(true);
    expect(await isLastLicenseInCountry(model, await user('u-carla'))).toBe(false);
    expect(await isLastLicenseInCountry(model, await user('u-marta'))).toBe(false);
    expect(await isLastLicenseInCountry(model, await user('u-julia'))).toBe(false);
  });

  it('R5: an eligible target is another active salesperson', async () => {
    const model = modelOf();
    expect(await isEligibleReassignTarget(model, 'u-carla', 'u-marta')).toBe(true);
    expect(await isEligibleReassignTarget(model, 'u-marta', 'u-marta')).toBe(false);
    expect(await isEligibleReassignTarget(model, 'u-karla', 'u-marta')).toBe(false);
    expect(await isEligibleReassignTarget(model, 'u-julia', 'u-marta')).toBe(false);
    expect(await isEligibleReassignTarget(model, 'u-nobody', 'u-marta')).toBe(false);
  });

  it('R9: only an active admin can be the last active admin', async () => {
    expect(await isLastActiveAdmin(modelOf(), (await modelOf().findUser('u-ana'))!)).toBe(false);
    const single = modelOf(singleAdminOrganisation());
    expect(await isLastActiveAdmin(single, (await single.findUser('u-ana'))!)).toBe(true);
    // Ana is the one active admin; Bruno is an admin too, but deactivated: he is not the last one.
    const data = singleAdminOrganisation();
    const withFormerAdmin = modelOf(withUserDeactivated({ ...data, users: data.users.map((user) => (user.id === 'u-bruno' ? { ...user, role: 'admin' as const } : user)) }, 'u-bruno'));
    expect(await withFormerAdmin.activeAdminCount()).toBe(1);
    expect(await isLastActiveAdmin(withFormerAdmin, (await withFormerAdmin.findUser('u-bruno'))!)).toBe(false);
    expect(await isLastActiveAdmin(withFormerAdmin, (await withFormerAdmin.findUser('u-carla'))!)).toBe(false);
  });

  it('R9: an operation that requires no standing refuses no caller: a service, an inactive user, an id the organisation does not know', async () => {
    const model = modelOf();
    expect(standingRefusalOf(undefined, service, 'none')).toBeNull();
    expect(standingRefusalOf(undefined, as('u-nobody'), 'none')).toBeNull();
    for (const caller of [service, as('u-karla'), as('u-nobody'), as('u-julia')]) expect(await standingRefusal(model, caller, 'none')).toBeNull();
    // The same callers are refused as soon as a standing is required.
    expect((await standingRefusal(model, as('u-karla'), 'salesperson'))?.details).toEqual({ id: 'u-karla', reason: 'actor-inactive' });
  });

  it('R9, R6: a guard judges the caller’s standing itself, before looking for its record, so a caller without it learns nothing', async () => {
    const model = modelOf();
    for (const taskId of ['t-047', 't-999']) {
      expect((await takeTaskRefusal(model, as('u-julia'), taskId))?.details).toEqual({ id: 'u-julia', reason: 'not-salesperson' });
    }
    for (const phoneNumberId of ['pn-es-1', 'pn-xx-9']) {
      expect((await deactivatePhoneNumberRefusal(model, as('u-carla'), phoneNumberId))?.details).toEqual({ id: 'u-carla', reason: 'not-admin' });
    }
    expect((await cancelScheduleRefusal(model, as('u-carla'), 'sd-999'))?.details).toEqual({ id: 'u-carla', reason: 'not-admin' });
    // With standing, the record is looked for.
    expect((await cancelScheduleRefusal(model, as('u-ana'), 'sd-999'))?.code).toBe('NOT_FOUND');
    expect(await takeTaskRefusal(model, as('u-carla'), 't-047')).toBeNull();
  });
});
