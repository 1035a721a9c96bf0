import { demoOrganisation } from '@offboard/core/fixtures';
import { as, observer, readAll } from '@offboard/core/testing';
import { describe, expect, it } from 'vitest';
import { createPostgresBackend, seed } from '../src';
import { freshDatabases } from './support/databases';

const databases = freshDatabases();

describe('R10 in the database', () => {
  it('R10: the audit log refuses UPDATE, DELETE and TRUNCATE in the database, whoever holds a connection', async () => {
    const { db } = await databases.fresh();
    await seed(db, demoOrganisation());
    const backend = createPostgresBackend({ db });
    await backend.deactivateLicense('u-elena', as('u-ana'));
    const before = await readAll((page) => backend.listAuditLog(page, observer));
    for (const statement of [
      `UPDATE audit_log SET actor_id = 'u-mallory'`,
      `UPDATE audit_log SET effects = '{}' WHERE seq = 3`,
      `DELETE FROM audit_log WHERE seq = 3`,
      `DELETE FROM audit_log`,
      `TRUNCATE audit_log CASCADE`,
    ]) {
      await expect(db.query(statement), statement).rejects.toThrow(/audit_log is append-only \(R10\)/);
    }
    expect(await readAll((page) => backend.listAuditLog(page, observer))).toEqual(before);
    expect(before.map((entry) => entry.seq)).toEqual([3, 2, 1]);
  });
});
