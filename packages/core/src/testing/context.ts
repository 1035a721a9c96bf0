import type { OffboardAdapter } from '../adapter/OffboardAdapter';
import type { OffboardData } from '../domain/types';
import { demoOrganisation } from '../fixtures/demoOrganisation';
import type { OffboardPolicy } from '../rules/readModel';
import type { ConformanceFactory } from './harness';

/**
 * Starts a fresh adapter, on the demo organisation unless a test brings its own data, and with
 * `others` beside it for tenancy tests (R13).
 */
export type Fresh = (options?: { data?: OffboardData; others?: readonly OffboardData[]; policy?: Partial<OffboardPolicy> }) => Promise<OffboardAdapter>;

export function freshFrom(factory: ConformanceFactory): Fresh {
  return async (options = {}) => factory({ organisations: [options.data ?? demoOrganisation(), ...(options.others ?? [])], policy: options.policy });
}

/** People of the demo organisation, by the part they play in the tests. */
export const people = {
  admin: 'u-ana',
  otherAdmin: 'u-bruno',
  unlicensedAdmin: 'u-nora',
  salesperson: 'u-carla',
  lastInColombia: 'u-diego',
  spainSeller: 'u-elena',
  mexicoSellers: ['u-fernando', 'u-gabriela', 'u-hugo'],
  lastInArgentina: 'u-ignacio',
  unlicensedMember: 'u-julia',
  inactive: 'u-karla',
  formerSeller: 'u-marta',
  otherSpainSeller: 'u-oscar',
} as const;

