import type { Contact, PhoneNumber, SalesBrain, Session, Task, User } from '../domain/types';

/** Records leave the backend as copies: a caller editing what it received cannot edit the store. */
export const copyUser = (user: User): User => ({ ...user, license: user.license && { ...user.license } });
export const copyContact = (contact: Contact): Contact => ({ ...contact });
export const copyTask = (task: Task): Task => ({ ...task });
export const copyPhoneNumber = (phoneNumber: PhoneNumber): PhoneNumber => ({ ...phoneNumber });
export const copySalesBrain = (brain: SalesBrain): SalesBrain => ({ ...brain, memberIds: [...brain.memberIds] });
export const copySession = (session: Session): Session => ({ ...session });
