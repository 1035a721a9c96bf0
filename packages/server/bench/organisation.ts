import type { OffboardData } from '@offboard/core';
import { generateOrganisation } from '@offboard/core/fixtures';

export const BASE_PATH = '/api/offboard';

/**
 * The organisation under load: 1,000 users (≈ 20 admins, ≈ 880 licensed over 10 countries, 5
 * free seats) and 100,000 contacts, 50,000 tasks, 30 phone numbers. Large enough that every read
 * pages through indexes over real volumes, as a CRM's tenant would; generated from a seed, so the
 * load script knows every id without asking the server.
 */
export function loadOrganisation(): OffboardData {
  return generateOrganisation({ seed: 42, contacts: 100_000, users: 1_000 });
}

/** Who acts: a few admins and the directory service change things, a few salespeople take tasks. */
export function actorsOf(organisation: OffboardData): { admins: string[]; salespeople: string[] } {
  const active = organisation.users.filter((user) => user.status === 'active');
  return {
    admins: [...active.filter((user) => user.role === 'admin').slice(0, 4).map((user) => user.id), 'svc-directory'],
    salespeople: active
      .filter((user) => user.role === 'member' && user.license?.status === 'active')
      .slice(0, 20)
      .map((user) => user.id),
  };
}

/**
 * A bearer token for each acting identity, made by the load script and handed to every server
 * process, so a request is answered alike by whichever process it reaches.
 */
export function authorizationsFor(actors: readonly string[]): Record<string, string> {
  const token = () => Array.from(crypto.getRandomValues(new Uint8Array(24)), (byte) => byte.toString(16).padStart(2, '0')).join('');
  return Object.fromEntries(actors.map((actorId) => [actorId, `Bearer load_${token()}`]));
}
