import { as } from '../../src/testing/harness';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { OffboardAdapter } from '../../src';
import { ERROR_STATUS, DEFAULT_MAX_BODY_BYTES, OPERATIONS, OffboardError, ROUTES, allowedMethods, encodeQuery, fromProblem, toProblem } from '../../src';
import { contextFromHeaders, contextToHeaders } from '../../src/contract/headers';
import { decodeQuery } from '../../src/contract/queryString';
import { argsFromParts, partsFromArgs } from '../../src/contract/routes';
import { MAX_IDS_PER_REQUEST, MAX_SPLIT_TARGETS, ReassignContactsInputSchema } from '../../src/contract/schemas';
import { validate } from '../../src/contract/validate';

const failure = (run: () => unknown): OffboardError => {
  try {
    run();
  } catch (error) {
    if (error instanceof OffboardError) return error;
  }
  throw new Error('expected an OffboardError');
};

describe('REST contract: routes', () => {
  it('serves every adapter operation once, under /v1, each method + path unique', () => {
    const everyMethod: Record<keyof OffboardAdapter, true> = {
      listUsers: true, getUser: true, getOffboardingPlan: true, deactivateLicense: true, assignLicense: true,
      deactivateUser: true, reactivateUser: true, deleteUser: true, listContacts: true, reassignContacts: true,
      listTasks: true, takeTask: true, transferTasks: true, listPhoneNumbers: true, deactivatePhoneNumber: true,
      listSalesBrains: true, getSeatUsage: true, listAuditLog: true, listHistory: true, getAccess: true,
      scheduleDeactivation: true, cancelScheduledDeactivation: true, listScheduledDeactivations: true,
    };
    expect([...OPERATIONS].sort()).toEqual(Object.keys(everyMethod).sort());
    const endpoints = OPERATIONS.map((operation) => `${ROUTES[operation].method} ${ROUTES[operation].path}`);
    expect(new Set(endpoints).size).toBe(endpoints.length);
    expect(endpoints.every((endpoint) => / \/v1\//.test(endpoint))).toBe(true);
    // Reads never carry a body or an actor header; every write does carry the actor.
    for (const operation of OPERATIONS) {
      const route = ROUTES[operation];
      expect(route.method === 'GET' ? !('mutation' in route) && !('body' in route) : 'mutation' in route, operation).toBe(true);
    }
  });

  it('R1: the user path allows GET only, so DELETE answers 405 with Allow: GET', () => {
    expect(ROUTES.deleteUser).toMatchObject({ method: 'DELETE', path: '/v1/users/:id', response: null });
    expect(allowedMethods('/v1/users/:id')).toEqual(['GET']);
    expect(allowedMethods('/v1/users/:id/deactivate')).toEqual(['POST']);
  });

  it('adapter arguments and request parts convert both ways for every route', () => {
    const context = as('u-ana');
    expect(partsFromArgs(ROUTES.assignLicense, ['u-julia', { country: 'ES' }, context])).toEqual({ id: 'u-julia', body: { country: 'ES' }, context });
    expect(partsFromArgs(ROUTES.getOffboardingPlan, ['u-diego', { scenario: 'role-change' }, context])).toEqual({
      id: 'u-diego',
      query: { scenario: 'role-change' },
      context,
    });
    expect(partsFromArgs(ROUTES.getSeatUsage, [context])).toEqual({ context });
    // R14: a deactivation's input may be left out; the context is still the last argument.
    expect(partsFromArgs(ROUTES.deactivateUser, ['u-elena', context])).toEqual({ id: 'u-elena', context });
    expect(partsFromArgs(ROUTES.deactivateUser, ['u-elena', { reason: { code: 'other' } }, context])).toEqual({ id: 'u-elena', body: { reason: { code: 'other' } }, context });
    for (const operation of OPERATIONS) {
      const route = ROUTES[operation];
      const args = ['a', 'b', 'c', 'd'].slice(0, argsFromParts(route, { id: 1, query: 2, body: 3, context: 4 }).length);
      expect(argsFromParts(route, partsFromArgs(route, args)), operation).toEqual(args);
    }
  });
});

describe('REST contract: problems', () => {
  it('maps every code to one status: 400, 403, 404, 405, 409 for state conflicts, 412, 422, 500', () => {
    expect(ERROR_STATUS).toMatchObject({
      VALIDATION_FAILED: 400,
      FORBIDDEN: 403,
      CANNOT_DEACTIVATE_SELF: 403,
      NOT_FOUND: 404,
      DELETION_NOT_SUPPORTED: 405,
      VERSION_CONFLICT: 412,
      IDEMPOTENCY_KEY_REUSED: 422,
      SERVER_ERROR: 500,
    });
    const conflicts = ['ALREADY_INACTIVE', 'ALREADY_ACTIVE', 'NO_LICENSE', 'LICENSE_ALREADY_ACTIVE', 'USER_INACTIVE', 'LAST_LICENSE_IN_COUNTRY',
      'NO_SEATS_AVAILABLE', 'CONTACTS_ASSIGNED', 'TASK_NOT_TRANSFERABLE', 'INVALID_REASSIGN_TARGET', 'LAST_ADMIN'] as const;
    for (const code of conflicts) expect(ERROR_STATUS[code], code).toBe(409);
  });

  it('R4: a problem document carries the error whole, exact message included', () => {
    const error = new OffboardError('LAST_LICENSE_IN_COUNTRY', { id: 'u-diego', country: 'CO', phoneNumbers: [{ id: 'pn-co-1', number: '+576012345678' }] });
    const problem = toProblem(error);
    expect(problem).toEqual({
      type: 'urn:offboard:problem:LAST_LICENSE_IN_COUNTRY',
      title: 'Conflict',
      status: 409,
      detail: "You must deactivate the phone numbers for this license's country before removing the last license in the country.",
      code: 'LAST_LICENSE_IN_COUNTRY',
      details: error.details,
    });
    expect(fromProblem(JSON.parse(JSON.stringify(problem)))?.toJSON()).toEqual(error.toJSON());
    expect(fromProblem({ ...problem, code: 'TEAPOT' })).toBeUndefined();
    expect(fromProblem('<html>Bad gateway</html>')).toBeUndefined();
  });
});

describe('REST contract: query strings', () => {
  it('encodes booleans as true/false and numbers in decimal, leaves null cursors out, and decodes back to the typed query', () => {
    const samples: [keyof typeof ROUTES, Record<string, unknown>][] = [
      ['listUsers', { status: 'all', search: 'Ana García & co', role: 'admin', licensed: false, limit: 20, cursor: null }],
      ['listContacts', { ownerId: 'u-marta', orphaned: true, limit: 500 }],
      ['listTasks', { assigneeId: 'u-karla', state: 'created', transferable: true, cursor: 'dC0wNDc' }],
      ['listPhoneNumbers', { country: 'CO', status: 'active' }],
      ['listAuditLog', { action: 'license.deactivated', actorId: 'u-ana', targetId: 'u-diego' }],
      ['getOffboardingPlan', { scenario: 'role-change' }],
    ];
    expect(encodeQuery(samples[0]![1])).toBe('?status=all&search=Ana+Garc%C3%ADa+%26+co&role=admin&licensed=false&limit=20');
    expect(encodeQuery({ cursor: null, limit: undefined })).toBe('');
    for (const [operation, query] of samples) {
      const schema = (ROUTES[operation] as { query: v.GenericSchema }).query;
      const params = new URLSearchParams(encodeQuery(query));
      const expected = Object.fromEntries(Object.entries(query).filter(([, value]) => value !== null));
      expect(validate(schema, decodeQuery(schema, params), 'query'), operation).toEqual(expected);
    }
  });

  it('refuses wrong types, repeated names and unknown names, naming the field', () => {
    const schema = ROUTES.listUsers.query;
    const refused = (search: string) => failure(() => validate(schema, decodeQuery(schema, new URLSearchParams(search)), 'query'));
    expect(refused('limit=ten').details).toMatchObject({ field: 'query.limit', issues: [{ path: 'query.limit', message: 'must be a number' }] });
    expect(refused('limit=2.5').details.field).toBe('query.limit');
    expect(refused('licensed=yes').details.field).toBe('query.licensed');
    expect(refused('licensed=1').details.field).toBe('query.licensed');
    expect(refused('limit=1&limit=2').message).toBe('query.limit must be given once');
    expect(refused('sudo=true').message).toBe('query.sudo is not a known field');
    expect(refused('__proto__=x').details.field).toBe('query.__proto__');
  });
});

describe('REST contract: headers', () => {
  const caller = as('u-ana');

  it('R11: expectedVersion travels as a strong ETag in If-Match and the key as Idempotency-Key; the caller does not travel', () => {
    const context = as('u-ana', { idempotencyKey: 'k-1', expectedVersion: 3 });
    const headers = contextToHeaders(context);
    expect(headers).toEqual({ 'Idempotency-Key': 'k-1', 'If-Match': '"3"' });
    expect(contextFromHeaders(caller, new Headers(headers), true)).toEqual(context);
    expect(contextFromHeaders(caller, new Headers({ 'If-Match': '*' }), true)).toEqual(caller);
  });

  it('the context names the authenticated caller whatever the headers say', () => {
    const spoofed = new Headers({ 'X-Actor-Id': 'u-mallory', 'X-Organisation-Id': 'org-other' });
    expect(contextFromHeaders(caller, spoofed, true)).toEqual(caller);
  });

  it('refuses malformed keys or ETags, and an If-Match on a bulk move, naming the header', () => {
    const refused = (headers: Record<string, string>, versioned = true) => failure(() => contextFromHeaders(caller, new Headers(headers), versioned)).details;
    // A weak ETag, a list, or anything around the one quoted version is no strong ETag.
    for (const ifMatch of ['W/"3"', '"3", "4"', '"3"x']) {
      expect(refused({ 'If-Match': ifMatch }).issues).toEqual([{ path: 'header.If-Match', message: 'must be one strong ETag such as "3", or *' }]);
    }
    expect(refused({ 'If-Match': '"0"' }).issues).toEqual([{ path: 'header.If-Match', message: 'must be at least 1' }]);
    expect(refused({ 'Idempotency-Key': 'x'.repeat(256) }).field).toBe('header.Idempotency-Key');
    expect(refused({ 'If-Match': '"3"' }, false).field).toBe('header.If-Match');
  });
});

describe('REST contract: body limit', () => {
  it(`admits the largest valid request (${MAX_IDS_PER_REQUEST} ids of 64 characters)`, () => {
    const id = (n: number) => `${n}`.padStart(64, 'c');
    const largest = {
      fromOwnerId: id(0),
      contactIds: Array.from({ length: MAX_IDS_PER_REQUEST }, (_, n) => id(n + 1)),
      toUserIds: Array.from({ length: MAX_SPLIT_TARGETS }, (_, n) => id(n + 1).replace('c', 'u')),
    };
    expect(v.safeParse(ReassignContactsInputSchema, largest).success).toBe(true);
    expect(new TextEncoder().encode(JSON.stringify(largest)).byteLength).toBeLessThan(DEFAULT_MAX_BODY_BYTES);
  });
});
