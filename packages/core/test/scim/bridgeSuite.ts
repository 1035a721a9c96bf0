import { describe, expect, it } from 'vitest';
import type { OffboardAdapter, OffboardData } from '../../src';
import { ERROR_MESSAGES, LAST_LICENSE_IN_COUNTRY_MESSAGE } from '../../src/errors/OffboardError';
import { demoOrganisation, generateOrganisation } from '../../src/fixtures';
import { as, observe, observer, readAll } from '../../src/testing/harness';
import {
  ERROR_SCHEMA,
  OTHER_ORGANISATION_ID,
  USER_SCHEMA,
  admin,
  entra,
  filterPath,
  fixture,
  member,
  okta,
  otherOrganisation,
  patchOp,
  scimBridge,
  type ScimCall,
} from './support';

/** Builds a backend holding exactly these organisations, fresh for each test. */
export type ScimBackendFactory = (organisations: OffboardData[]) => Promise<OffboardAdapter>;

const organisations = () => [demoOrganisation(), generateOrganisation({ organisationId: OTHER_ORGANISATION_ID, seed: 5, contacts: 40, users: 10 })];

/** A SCIM error as RFC 7644 §3.12 shapes it, with the status both in the answer and in the body. */
function expectScimError(answer: ScimCall, status: number, detail: string | RegExp, scimType?: string) {
  expect(answer.status).toBe(status);
  expect(answer.headers.get('content-type')).toBe('application/scim+json');
  expect(answer.body).toEqual({
    schemas: [ERROR_SCHEMA],
    status: String(status),
    ...(scimType && { scimType }),
    detail: typeof detail === 'string' ? detail : expect.stringMatching(detail),
  });
}

const auditOf = async (backend: OffboardAdapter, targetId: string) => readAll((page) => backend.listAuditLog({ ...page, targetId }, observer));

/**
 * The SCIM bridge over a backend, as identity providers use it: find by userName, page, deprovision
 * and re-provision with the bodies Okta and Entra document, and every refusal as a SCIM error. Run
 * on the in-memory backend here and on PostgreSQL in packages/postgres.
 */
export function describeScimBridge(name: string, factory: ScimBackendFactory): void {
  const setup = async () => {
    const backend = await factory(organisations());
    return { backend, ...scimBridge(backend) };
  };

  describe(`SCIM bridge: finding users (${name})`, () => {
    it('finds a user by userName eq, as Okta asks (startIndex=1&count=100), with the User resource', async () => {
      const { call } = await setup();
      const answer = await call('GET', filterPath('userName eq "diego@vixiees.example"', '&startIndex=1&count=100'));
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({
        schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
        totalResults: 1,
        startIndex: 1,
        itemsPerPage: 1,
        Resources: [
          {
            schemas: [USER_SCHEMA],
            id: 'u-diego',
            userName: 'diego@vixiees.example',
            name: { formatted: 'Diego Rojas' },
            displayName: 'Diego Rojas',
            active: true,
            emails: [{ value: 'diego@vixiees.example', type: 'work', primary: true }],
            meta: { resourceType: 'User', location: 'https://crm.example/scim/v2/Users/u-diego', version: 'W/"1"' },
          },
        ],
      });
    });

    it('matches userName exactly and case-insensitively, never by substring; an unknown one is an empty list (Entra probes with one)', async () => {
      const { call } = await setup();
      const ids = async (filter: string) => ((await call('GET', filterPath(filter))).body!['Resources'] as { id: string }[]).map((user) => user.id);
      expect(await ids('userName eq "DIEGO@Vixiees.Example"')).toEqual(['u-diego']);
      expect(await ids('USERNAME eq "diego@vixiees.example"')).toEqual(['u-diego']);
      expect(await ids('userName eq "diego@vixiees"')).toEqual([]);
      const none = await call('GET', filterPath('userName eq "non-existent user"'));
      expect(none.body).toMatchObject({ totalResults: 0, itemsPerPage: 0, Resources: [] });
    });

    it('R12: a service identity reads inactive users too, with active false', async () => {
      const { call } = await setup();
      const answer = await call('GET', filterPath('userName eq "karla@vixiees.example"'), { as: entra });
      expect(answer.body).toMatchObject({ totalResults: 1, Resources: [{ id: 'u-karla', active: false }] });
      const inactive = await call('GET', filterPath('active eq false'));
      expect((inactive.body!['Resources'] as { id: string }[]).map((user) => user.id)).toEqual(['u-karla']);
    });

    it('pages every user by startIndex and count, in one order, without gaps or repeats', async () => {
      const { call, backend } = await setup();
      const everyone = (await readAll((page) => backend.listUsers({ ...page, status: 'all' }, observer))).map((user) => user.id);
      expect(everyone).toHaveLength(14);
      const seen: string[] = [];
      for (let startIndex = 1; startIndex <= everyone.length; startIndex += 5) {
        const answer = await call('GET', `/Users?startIndex=${startIndex}&count=5`);
        expect(answer.body).toMatchObject({ totalResults: 14, startIndex, itemsPerPage: Math.min(5, 15 - startIndex) });
        seen.push(...(answer.body!['Resources'] as { id: string }[]).map((user) => user.id));
      }
      expect(seen).toEqual(everyone);
      // Out of order too: a page read cold, past the cache of where the last one ended.
      const third = await call('GET', '/Users?startIndex=11&count=5');
      expect((third.body!['Resources'] as { id: string }[]).map((user) => user.id)).toEqual(everyone.slice(10));
      const beyond = await call('GET', '/Users?startIndex=40&count=5');
      expect(beyond.body).toMatchObject({ totalResults: 14, startIndex: 40, itemsPerPage: 0, Resources: [] });
    });

    it('count=0 answers totalResults only; a count over 100 gets 100 at most; a startIndex below 1 counts as 1 (RFC 7644 §3.4.2.4)', async () => {
      const { call } = await setup();
      expect((await call('GET', '/Users?count=0')).body).toMatchObject({ totalResults: 14, itemsPerPage: 0, Resources: [] });
      expect((await call('GET', '/Users?count=1000')).body).toMatchObject({ totalResults: 14, itemsPerPage: 14 });
      expect((await call('GET', '/Users?startIndex=-3&count=2')).body).toMatchObject({ startIndex: 1, itemsPerPage: 2 });
    });

    it('refuses a filter ServiceProviderConfig does not promise with invalidFilter, naming what is answered', async () => {
      const { call } = await setup();
      for (const filter of ['userName sw "diego"', 'displayName eq "Diego Rojas"', 'userName eq "diego@vixiees.example" and active eq true', 'userName pr', 'userName eq']) {
        expectScimError(await call('GET', filterPath(filter)), 400, /userName eq "…"/, 'invalidFilter');
      }
      expectScimError(await call('GET', filterPath('userName eq 42')), 400, /compared with a string/, 'invalidFilter');
      expectScimError(await call('GET', filterPath(`userName eq "${'a'.repeat(1001)}"`)), 400, 'The filter must be at most 1000 characters.', 'invalidFilter');
    });

    it('refuses malformed paging, sorting and unknown parameters with invalidValue', async () => {
      const { call } = await setup();
      expectScimError(await call('GET', '/Users?count=ten'), 400, 'count must be an integer.', 'invalidValue');
      expectScimError(await call('GET', '/Users?startIndex=1.5'), 400, 'startIndex must be an integer.', 'invalidValue');
      expectScimError(await call('GET', '/Users?sortBy=userName'), 400, /Sorting is not supported/, 'invalidValue');
      expectScimError(await call('GET', '/Users?count=1&count=2'), 400, 'count must be given once.', 'invalidValue');
      expectScimError(await call('GET', '/Users?actorId=u-ana'), 400, /Unknown query parameter/, 'invalidValue');
    });

    it('GET /Users/:id answers the resource; attributes selects what is returned', async () => {
      const { call } = await setup();
      const answer = await call('GET', '/Users/u-karla');
      expect(answer.body).toMatchObject({ id: 'u-karla', userName: 'karla@vixiees.example', active: false });
      expect(answer.headers.get('cache-control')).toBe('no-store');
      expect((await call('GET', '/Users/u-karla?attributes=active')).body).toEqual({ schemas: [USER_SCHEMA], id: 'u-karla', active: false });
    });

    it('R13: an unknown id and another organisation’s id are the same 404', async () => {
      const { call } = await setup();
      expectScimError(await call('GET', '/Users/u-nobody'), 404, ERROR_MESSAGES.NOT_FOUND);
      expectScimError(await call('GET', '/Users/u-elena', { as: otherOrganisation }), 404, ERROR_MESSAGES.NOT_FOUND);
      expect((await call('GET', filterPath('userName eq "elena@vixiees.example"'), { as: otherOrganisation })).body).toMatchObject({ totalResults: 0 });
      expectScimError(await call('GET', '/Users/not%20an%20id'), 404, 'No user has this id.');
    });
  });

  describe(`SCIM bridge: deprovisioning and re-provisioning (${name})`, () => {
    it('R3: Okta’s deactivation deactivates the user with every effect; a GET after shows active false', async () => {
      const { call, backend } = await setup();
      const before = await backend.getUser('u-elena', observer);
      const answer = await call('PATCH', '/Users/u-elena', { body: fixture('okta-deactivate') });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ id: 'u-elena', active: false, meta: { version: `W/"${before.version + 1}"` } });
      expect((await call('GET', '/Users/u-elena')).body).toMatchObject({ active: false });
      expect((await call('GET', filterPath('userName eq "elena@vixiees.example"'))).body).toMatchObject({ Resources: [{ id: 'u-elena', active: false }] });

      const user = await backend.getUser('u-elena', observer);
      expect(user).toMatchObject({ status: 'inactive', license: { country: 'ES', status: 'inactive' } });
      expect(await backend.getAccess('u-elena', observer)).toMatchObject({ canSignIn: false, commercialFeatures: false });
      const brains = await readAll((page) => backend.listSalesBrains({ ...page, memberId: 'u-elena' }, observer));
      expect(brains).toEqual([]);
      const tasks = await readAll((page) => backend.listTasks({ ...page, assigneeId: 'u-elena' }, observer));
      expect(tasks.filter((task) => task.state === 'created').every((task) => task.transferable && task.transferReason === 'User deactivated')).toBe(true);
      const [entry] = await auditOf(backend, 'u-elena');
      expect(entry).toMatchObject({
        action: 'user.deactivated',
        effects: { licenseDeactivated: { country: 'ES' }, seatFreed: true, salesBrainsLeft: ['sb-renewals'], signInRevoked: true },
      });
    });

    it('R10, R14: the audit entry names the service identity and carries the left-company reason', async () => {
      const { call, backend } = await setup();
      await call('PATCH', '/Users/u-elena', { body: fixture('entra-disable'), as: entra });
      const entries = await auditOf(backend, 'u-elena');
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({
        actorId: 'svc-entra',
        action: 'user.deactivated',
        target: { type: 'user', id: 'u-elena' },
        reason: { code: 'left-company', note: 'Deactivated by the identity provider (SCIM).' },
      });
    });

    it('R3: each form Entra sends deactivates: path and boolean, path and "False", path-less value object', async () => {
      const { call, backend } = await setup();
      const cases: [string, string][] = [
        ['entra-disable', 'u-elena'],
        ['entra-disable-string', 'u-oscar'],
        ['entra-disable-pathless', 'u-hugo'],
      ];
      for (const [body, userId] of cases) {
        const answer = await call('PATCH', `/Users/${userId}`, { body: fixture(body), as: entra });
        expect(answer.body, body).toMatchObject({ id: userId, active: false });
        expect((await backend.getUser(userId, observer)).status, body).toBe('inactive');
      }
    });

    it('R3: Okta’s PUT of the whole user with active false deactivates; its other attributes are read-only and ignored', async () => {
      const { call, backend } = await setup();
      const answer = await call('PUT', '/Users/u-oscar', { body: fixture('okta-put-deactivate') });
      expect(answer.body).toMatchObject({ id: 'u-oscar', userName: 'oscar@vixiees.example', displayName: 'Óscar Paredes', active: false });
      expect(await backend.getUser('u-oscar', observer)).toMatchObject({ status: 'inactive', name: 'Óscar Paredes', email: 'oscar@vixiees.example' });
    });

    it('R7: Okta’s and Entra’s re-provisioning reactivate; the license is not restored by itself', async () => {
      const { call, backend } = await setup();
      const karla = await call('PATCH', '/Users/u-karla', { body: fixture('okta-reactivate') });
      expect(karla.body).toMatchObject({ id: 'u-karla', active: true });
      expect(await backend.getUser('u-karla', observer)).toMatchObject({ status: 'active', license: { status: 'inactive' } });
      expect((await auditOf(backend, 'u-karla'))[0]).toMatchObject({ actorId: 'svc-okta', action: 'user.reactivated' });

      await call('PATCH', '/Users/u-elena', { body: fixture('entra-disable'), as: entra });
      expect((await call('PATCH', '/Users/u-elena', { body: fixture('entra-enable'), as: entra })).body).toMatchObject({ active: true });
      expect((await call('GET', '/Users/u-elena')).body).toMatchObject({ active: true });
    });

    it('R11: a repeated PATCH answers 200 with the resource and changes nothing more (no second audit entry)', async () => {
      const { call, backend } = await setup();
      const first = await call('PATCH', '/Users/u-elena', { body: fixture('okta-deactivate') });
      const after = await observe(backend);
      const again = await call('PATCH', '/Users/u-elena', { body: fixture('okta-deactivate') });
      const entraToo = await call('PATCH', '/Users/u-elena', { body: fixture('entra-disable'), as: entra });
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);
      expect(entraToo.body).toEqual(first.body);
      expect(await observe(backend)).toEqual(after);
      expect(await auditOf(backend, 'u-elena')).toHaveLength(1);
      // Setting an active user active is the same: 200, nothing written.
      const active = await call('PATCH', '/Users/u-oscar', { body: fixture('okta-reactivate') });
      expect(active.body).toMatchObject({ id: 'u-oscar', active: true });
      expect(await auditOf(backend, 'u-oscar')).toEqual([]);
    });

    it('R11: the same deactivation sent twice at once leaves one change, and both answer 200', async () => {
      const { call, backend } = await setup();
      const answers = await Promise.all([call('PATCH', '/Users/u-elena', { body: fixture('okta-deactivate') }), call('PATCH', '/Users/u-elena', { body: fixture('entra-disable'), as: entra })]);
      expect(answers.map((answer) => [answer.status, answer.body?.['active']])).toEqual([
        [200, false],
        [200, false],
      ]);
      expect(await auditOf(backend, 'u-elena')).toHaveLength(1);
    });
  });

  describe(`SCIM bridge: refusals as SCIM errors (${name})`, () => {
    it('R4: the last license in a country with active numbers is refused with the rule’s message, changing nothing', async () => {
      const { call, backend } = await setup();
      const before = await observe(backend);
      expectScimError(await call('PATCH', '/Users/u-diego', { body: fixture('okta-deactivate') }), 409, LAST_LICENSE_IN_COUNTRY_MESSAGE);
      expectScimError(await call('PATCH', '/Users/u-diego', { body: fixture('entra-disable'), as: entra }), 409, LAST_LICENSE_IN_COUNTRY_MESSAGE);
      expect(await observe(backend)).toEqual(before);
      expect((await call('GET', '/Users/u-diego')).body).toMatchObject({ active: true });
    });

    it('R9: the last active admin is refused to a service identity too, changing nothing', async () => {
      const { call, backend } = await setup();
      await backend.deactivateUser('u-bruno', as('u-ana'));
      await backend.deactivateUser('u-nora', as('u-ana'));
      const before = await observe(backend);
      expectScimError(await call('PATCH', '/Users/u-ana', { body: fixture('okta-deactivate') }), 409, ERROR_MESSAGES.LAST_ADMIN);
      expect(await observe(backend)).toEqual(before);
    });

    it('R12: a member’s credentials are refused (403) on every endpoint, before any body is read', async () => {
      const { call, backend } = await setup();
      const before = await observe(backend);
      expectScimError(await call('GET', '/Users', { as: member }), 403, 'Only an active admin can do this.');
      expectScimError(await call('GET', '/ServiceProviderConfig', { as: member }), 403, 'Only an active admin can do this.');
      expectScimError(await call('PATCH', '/Users/u-elena', { as: member, body: fixture('okta-deactivate') }), 403, 'Only an active admin can do this.');
      // A body that is not even JSON: the caller is refused before it is read.
      expectScimError(await call('PATCH', '/Users/u-elena', { as: member, body: '{"schemas":' }), 403, 'Only an active admin can do this.');
      expectScimError(await call('PATCH', '/Users/u-elena', { as: { ...member, actorId: 'u-karla' }, body: fixture('okta-deactivate') }), 403, 'Your account is not active in this organisation.');
      expect(await observe(backend)).toEqual(before);
    });

    it('R12: an active admin’s credentials are accepted, and R9 still stops them deactivating themselves', async () => {
      const { call, backend } = await setup();
      expect((await call('PATCH', '/Users/u-elena', { as: admin, body: fixture('okta-deactivate') })).body).toMatchObject({ active: false });
      expect((await auditOf(backend, 'u-elena'))[0]).toMatchObject({ actorId: 'u-ana' });
      expectScimError(await call('PATCH', '/Users/u-ana', { as: admin, body: fixture('okta-deactivate') }), 403, ERROR_MESSAGES.CANNOT_DEACTIVATE_SELF);
    });

    it('no credentials, or credentials that do not hold: 401 with a Bearer challenge', async () => {
      const { call } = await setup();
      for (const answer of [await call('GET', '/Users', { as: null }), await call('GET', '/Users', { as: null, headers: { Authorization: 'Bearer forged' } })]) {
        expectScimError(answer, 401, ERROR_MESSAGES.UNAUTHENTICATED);
        expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="SCIM"');
      }
      expectScimError(await call('PATCH', '/Users/u-elena', { as: null, body: fixture('okta-deactivate') }), 401, ERROR_MESSAGES.UNAUTHENTICATED);
    });

    it('R13: another organisation’s service identity cannot deactivate this one’s user: 404, nothing changes', async () => {
      const { call, backend } = await setup();
      const before = await observe(backend);
      expectScimError(await call('PATCH', '/Users/u-elena', { as: otherOrganisation, body: fixture('okta-deactivate') }), 404, ERROR_MESSAGES.NOT_FOUND);
      expect(await observe(backend)).toEqual(before);
    });

    it('R1: DELETE is refused (405, Allow without DELETE) with the message that says to deactivate instead; the user stays', async () => {
      const { call, backend } = await setup();
      const before = await observe(backend);
      const answer = await call('DELETE', '/Users/u-elena');
      expectScimError(answer, 405, ERROR_MESSAGES.DELETION_NOT_SUPPORTED);
      expect(answer.body!['detail']).toMatch(/Deactivate the user instead/);
      expect(answer.headers.get('allow')).toBe('GET, PATCH, PUT');
      expect(await observe(backend)).toEqual(before);
    });

    it('POST /Users is refused (501): Offboard does not provision users', async () => {
      const { call, backend } = await setup();
      const before = await observe(backend);
      const body = JSON.stringify({ schemas: [USER_SCHEMA], userName: 'new@vixiees.example', active: true });
      expectScimError(await call('POST', '/Users', { body }), 501, /does not provision users/);
      expect(await observe(backend)).toEqual(before);
    });

    it('refuses a PATCH that would change a read-only attribute or one Offboard lacks, whole, even alongside active', async () => {
      const { call, backend } = await setup();
      const before = await observe(backend);
      const rename = patchOp({ op: 'replace', path: 'active', value: false }, { op: 'replace', path: 'userName', value: 'elena@elsewhere.example' });
      expectScimError(await call('PATCH', '/Users/u-elena', { body: rename }), 400, /userName is read-only/, 'mutability');
      expectScimError(await call('PATCH', '/Users/u-elena', { body: patchOp({ op: 'add', path: 'title', value: 'CEO' }) }), 400, /title is not an attribute/, 'invalidPath');
      expectScimError(await call('PATCH', '/Users/u-elena', { body: patchOp({ op: 'remove', path: 'active' }) }), 400, /active cannot be removed/, 'mutability');
      expect(await observe(backend)).toEqual(before);
    });

    it('refuses malformed bodies with invalidSyntax or invalidValue, changing nothing', async () => {
      const { call, backend } = await setup();
      const before = await observe(backend);
      const patch = (body: string) => call('PATCH', '/Users/u-elena', { body });
      expectScimError(await patch('{"schemas":'), 400, 'The body is not valid JSON.', 'invalidSyntax');
      expectScimError(await patch(''), 400, 'The request needs a JSON body.', 'invalidSyntax');
      expectScimError(await patch('[]'), 400, 'The body must be a PatchOp object.', 'invalidSyntax');
      expectScimError(await patch(JSON.stringify({ Operations: [{ op: 'replace', path: 'active', value: false }] })), 400, /schemas must list/, 'invalidSyntax');
      expectScimError(await patch(patchOp()), 400, 'Operations must list at least one operation.', 'invalidSyntax');
      expectScimError(await patch(patchOp({ op: 'move', path: 'active', value: false })), 400, 'Operations[0].op must be add, replace or remove.', 'invalidSyntax');
      expectScimError(await patch(patchOp({ op: 'replace', path: 'active' })), 400, 'Operations[0]: replace needs a value.', 'invalidSyntax');
      expectScimError(await patch(patchOp({ op: 'replace', path: 'active', value: 'maybe' })), 400, 'active must be true or false.', 'invalidValue');
      expectScimError(await patch(patchOp({ op: 'replace', value: false })), 400, /must be an object of attributes/, 'invalidValue');
      expectScimError(await patch(patchOp({ op: 'replace', path: '__proto__.active', value: false })), 400, /reserved word/, 'invalidPath');
      expectScimError(await patch(patchOp({ op: 'replace', value: { constructor: { prototype: { active: false } } } })), 400, /reserved word/, 'invalidPath');
      expectScimError(await patch(patchOp(...Array.from({ length: 101 }, () => ({ op: 'replace', path: 'active', value: false })))), 400, /at most 100 operations/, 'invalidSyntax');
      expectScimError(await call('PUT', '/Users/u-elena', { body: JSON.stringify({ active: false }) }), 400, /schemas must list/, 'invalidSyntax');
      expect(await observe(backend)).toEqual(before);
      // The reserved paths reached nothing shared: a fresh object has no `active`.
      expect(({} as Record<string, unknown>)['active']).toBeUndefined();
    });

    it('takes application/scim+json and application/json bodies, and refuses any other type (415) unread', async () => {
      const { call, backend } = await setup();
      const before = await observe(backend);
      for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'application/problem+json', null]) {
        expectScimError(await call('PATCH', '/Users/u-elena', { body: fixture('okta-deactivate'), contentType }), 415, /Content-Type: application\/scim\+json/);
      }
      expect(await observe(backend)).toEqual(before);
      expect((await call('PATCH', '/Users/u-elena', { body: fixture('okta-deactivate'), contentType: 'application/json; charset=utf-8' })).body).toMatchObject({ active: false });
      expect((await call('PATCH', '/Users/u-oscar', { body: fixture('okta-deactivate'), contentType: 'application/scim+json;charset=UTF-8' })).body).toMatchObject({ active: false });
    });
  });
}
