import type { Contact, PhoneNumber, SalesBrain, SeatUsage, Task, User } from '../domain/types';

/** Choices an organisation makes about how strictly the rules apply. */
export interface OffboardPolicy {
  /**
   * R5: refuse to deactivate a user who still owns contacts (`CONTACTS_ASSIGNED`), the help
   * article's strict reading. @default false
   */
  readonly requireContactReassignment: boolean;
  /**
   * R9: identities that act on users without being one (directory sync, provisioning). They may
   * act like an admin, and the last active admin is still protected from them.
   * @default []
   */
  readonly serviceActorIds: readonly string[];
}

export const DEFAULT_POLICY: OffboardPolicy = {
  requireContactReassignment: false,
  serviceActorIds: [],
};

/**
 * The questions the rules ask of an organisation's state. The in-memory backend answers them
 * from its indexes; a host backend written in JavaScript can answer them from its own store and
 * reuse every guard and `planOffboarding` as they are.
 */
export interface OffboardReadModel {
  readonly policy: OffboardPolicy;
  findUser(userId: string): User | undefined;
  findContact(contactId: string): Contact | undefined;
  findTask(taskId: string): Task | undefined;
  findPhoneNumber(phoneNumberId: string): PhoneNumber | undefined;
  activeAdminCount(): number;
  salespersonCount(): number;
  /** Active licenses held in a country (R4). */
  activeLicenseCount(country: string): number;
  activePhoneNumbers(country: string): readonly PhoneNumber[];
  contactCount(ownerId: string): number;
  /** How many tasks in state `created` are assigned to the user, and how many of them are transferable. */
  openTaskCount(userId: string): { readonly open: number; readonly transferable: number };
  salesBrainsOf(userId: string): readonly SalesBrain[];
  seatUsage(): SeatUsage;
  openSessionCount(userId: string): number;
}
