import type { Contact, PhoneNumber, SalesBrain, Session, Task, User } from '../domain/types';

// Records leave the backend as copies: a caller editing what it received cannot edit the store.

/**
 * Field by field rather than by spread: users reach here in several shapes (as loaded, as
 * rewritten by each change), and V8 copies a spread of mixed shapes on a slow path, which made
 * listing users 3× slower than the same loop over one shape.
 */
export const copyUser = (user: User, withEmail = true): User => ({
  id: user.id,
  name: user.name,
  // R12: null where the caller may not read it.
  email: withEmail ? user.email : null,
  role: user.role,
  status: user.status,
  license: user.license && { country: user.license.country, status: user.license.status },
  version: user.version,
});
export const copyContact = (contact: Contact): Contact => ({ ...contact });
export const copyTask = (task: Task): Task => ({ ...task });
export const copyPhoneNumber = (phoneNumber: PhoneNumber): PhoneNumber => ({ ...phoneNumber });
export const copySalesBrain = (brain: SalesBrain): SalesBrain => ({ ...brain, memberIds: [...brain.memberIds] });
export const copySession = (session: Session): Session => ({ ...session });
