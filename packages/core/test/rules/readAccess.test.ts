import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, readAccessOf, type User } from '../../src';
import { demoOrganisation } from '../../src/fixtures';
import { as } from '../../src/testing';

const users = new Map(demoOrganisation().users.map((user): [string, User] => [user.id, user]));
const service = { ...as('svc-sync'), kind: 'service' as const };

describe('readAccessOf (R12: whose emails a caller sees)', () => {
  it('R12: an admin and a service see every email', () => {
    for (const [actor, caller] of [[users.get('u-ana'), as('u-ana')], [undefined, service]] as const) {
      const access = readAccessOf(actor, caller, DEFAULT_POLICY);
      expect(access.allEmails).toBe(true);
      expect(['u-ana', 'u-carla', 'u-karla'].map((id) => access.seesEmailOf(id))).toEqual([true, true, true]);
    }
  });

  it('R12: a member sees their own email only, unless the policy widens emails to members', () => {
    const own = readAccessOf(users.get('u-carla'), as('u-carla'), DEFAULT_POLICY);
    expect(own.allEmails).toBe(false);
    expect(['u-carla', 'u-ana', 'u-elena'].map((id) => own.seesEmailOf(id))).toEqual([true, false, false]);
    const widened = readAccessOf(users.get('u-carla'), as('u-carla'), { ...DEFAULT_POLICY, memberReads: ['emails'] });
    expect(widened.allEmails).toBe(true);
    expect(widened.seesEmailOf('u-ana')).toBe(true);
  });

  it('R12: a caller with no user record in the organisation is no admin: it sees no one else’s email', () => {
    const access = readAccessOf(undefined, as('u-nobody'), DEFAULT_POLICY);
    expect(access.allEmails).toBe(false);
    expect(access.seesEmailOf('u-ana')).toBe(false);
  });
});
