import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { OffboardError, ROUTES, createHttpAdapter, joinUrl, toProblem, type OffboardAdapter } from '../../src';
import { demoOrganisation } from '../../src/fixtures';
import { createInMemoryBackend } from '../../src/inMemory';
import { fingerprint } from '../../src/contract/fingerprint';
import { contextFromHeaders, contextToHeaders } from '../../src/contract/headers';
import { decodeQuery } from '../../src/contract/queryString';
import { partsFromArgs } from '../../src/contract/routes';
import { ListUsersQuerySchema } from '../../src/contract/schemas';
import { isJsonContentType } from '../../src/contract/transport';
import { validate } from '../../src/contract/validate';
import { as } from '../../src/testing/harness';
import { refusalOf } from './helpers';


describe('R11: a request fingerprint does not depend on how its objects were built', () => {
  it('sorts object keys at every depth, so any key order gives one fingerprint', () => {
    const sorted = '{"a":1,"b":{"x":[3,1],"y":null,"z":"s"},"c":true,"d":2}';
    expect(fingerprint({ d: 2, c: true, b: { z: 's', y: null, x: [3, 1] }, a: 1 })).toBe(sorted);
    expect(fingerprint({ b: { x: [3, 1], z: 's', y: null }, a: 1, d: 2, c: true })).toBe(sorted);
    expect(fingerprint({ c: true, a: 1, d: 2, b: { y: null, x: [3, 1], z: 's' } })).toBe(sorted);
  });

  it('keeps lists in their order: [a, b] and [b, a] are different requests', () => {
    expect(fingerprint({ ids: ['c-2', 'c-1'] })).toBe('{"ids":["c-2","c-1"]}');
    expect(fingerprint(['c-2', { b: 1, a: 2 }])).toBe('["c-2",{"a":2,"b":1}]');
    expect(fingerprint({ ids: ['c-2', 'c-1'] })).not.toBe(fingerprint({ ids: ['c-1', 'c-2'] }));
  });
});

describe('transport', () => {
  it('reads any JSON media type, whatever its case, spacing and parameters', () => {
    expect(isJsonContentType('application/json')).toBe(true);
    expect(isJsonContentType(' Application/JSON ; charset=utf-8')).toBe(true);
    expect(isJsonContentType('application/problem+json')).toBe(true);
    expect(isJsonContentType('APPLICATION/PROBLEM+JSON;charset=UTF-8')).toBe(true);
    expect(isJsonContentType('text/html; charset=utf-8')).toBe(false);
    expect(isJsonContentType('application/json+x')).toBe(false);
    expect(isJsonContentType(null)).toBe(false);
  });

  it('joins a base URL ending in any number of slashes to a path with exactly one', () => {
    expect(joinUrl('http://api.test/offboard//', '/v1/users')).toBe('http://api.test/offboard/v1/users');
    expect(joinUrl('http://api.test/offboard/', '/v1/users')).toBe('http://api.test/offboard/v1/users');
    expect(joinUrl('/', '/v1/users')).toBe('/v1/users');
    expect(joinUrl('', '/v1/users')).toBe('/v1/users');
  });
});

describe('R11: mutation headers', () => {
  const caller = as('u-ana');

  it('sends no Idempotency-Key or If-Match header the context does not give', () => {
    expect([...new Headers(contextToHeaders(caller)).keys()]).toEqual([]);
    expect([...new Headers(contextToHeaders({ ...caller, idempotencyKey: 'k-1' })).entries()]).toEqual([['idempotency-key', 'k-1']]);
    expect([...new Headers(contextToHeaders({ ...caller, expectedVersion: 4 })).entries()]).toEqual([['if-match', '"4"']]);
  });

  it('If-Match: * asks for no version, on a single record and on a bulk move alike', () => {
    expect(contextFromHeaders(caller, new Headers({ 'If-Match': ' * ' }), true)).toStrictEqual(caller);
    expect(contextFromHeaders(caller, new Headers({ 'If-Match': '*' }), false)).toStrictEqual(caller);
    expect(contextFromHeaders(caller, new Headers(), false)).toStrictEqual(caller);
  });

  it('refuses an If-Match on a bulk move, saying why', () => {
    const error = refusalOf(() => contextFromHeaders(caller, new Headers({ 'If-Match': '"3"' }), false));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe('header.If-Match does not apply to a bulk move; records that moved since are refused with VERSION_CONFLICT');
  });
});

describe('query strings decode by the type of the field each name targets', () => {
  const Query = v.strictObject({ orphaned: v.optional(v.boolean()), limit: v.optional(v.number()), search: v.optional(v.string()) });

  it('only a boolean field turns true / false into booleans, only a number field turns decimals into numbers', () => {
    expect(decodeQuery(Query, new URLSearchParams('orphaned=false&limit=-2.25&search=true'))).toStrictEqual({ orphaned: false, limit: -2.25, search: 'true' });
    expect(decodeQuery(Query, new URLSearchParams('search=42'))).toStrictEqual({ search: '42' });
  });

  it('anything else stays a string, so the schema refuses it in its own words', () => {
    expect(decodeQuery(Query, new URLSearchParams('orphaned=yes&limit=1e3'))).toStrictEqual({ orphaned: 'yes', limit: '1e3' });
  });

  it('a schema with no fields to look at (a free-form record) leaves every value a string', () => {
    const Tags = v.record(v.string(), v.string());
    expect(decodeQuery(Tags, new URLSearchParams('team=7&active=true'))).toStrictEqual({ team: '7', active: 'true' });
  });
});

describe('problems', () => {
  const refusal = new OffboardError('VERSION_CONFLICT', { entity: 'user', id: 'u-bo', expectedVersion: 2, currentVersion: 3 }, 'u-bo changed');

  it('is titled with the reason phrase of its status (RFC 9110), for generic HTTP tooling', () => {
    const titles = {
      400: 'Bad Request',
      401: 'Unauthorized',
      403: 'Forbidden',
      404: 'Not Found',
      405: 'Method Not Allowed',
      408: 'Request Timeout',
      409: 'Conflict',
      412: 'Precondition Failed',
      413: 'Content Too Large',
      415: 'Unsupported Media Type',
      422: 'Unprocessable Content',
      500: 'Internal Server Error',
      502: 'Bad Gateway',
      503: 'Service Unavailable',
    };
    const given = Object.fromEntries(Object.keys(titles).map((status) => [status, toProblem(refusal, Number(status)).title]));
    expect(given).toEqual(titles);
  });

  it('a status outside the table is titled "Error"', () => {
    expect(toProblem(refusal, 429).title).toBe('Error');
  });

  it('a refusal carries its details and no instance, even when the request has an id', () => {
    const problem = toProblem(refusal, 412, 'req-1');
    expect(problem.details).toEqual({ entity: 'user', id: 'u-bo', expectedVersion: 2, currentVersion: 3 });
    expect(problem).not.toHaveProperty('instance');
  });

  it('a server failure carries no details, only the key to the server log', () => {
    const failure = new OffboardError('SERVER_ERROR', { entity: 'user', id: 'u-bo', cause: 'db down' }, 'pool exhausted');
    const problem = toProblem(failure, 500, 'req-1');
    expect(problem.details).toEqual({});
    expect(problem.detail).not.toContain('pool exhausted');
    expect(problem.instance).toBe('urn:uuid:req-1');
  });
});

describe('adapter arguments', () => {
  it('a required body is never taken for a left-out optional one', () => {
    const context = as('u-ana');
    expect(partsFromArgs(ROUTES.assignLicense, ['u-bo', { country: 'ES' }, context])).toEqual({ id: 'u-bo', body: { country: 'ES' }, context });
    expect(partsFromArgs(ROUTES.getUser, ['u-bo', context])).toEqual({ id: 'u-bo', context });
  });

  it('a required body left out of an untyped call is refused by the HTTP adapter exactly as by the in-memory backend, before any request', async () => {
    const context = as('u-ana', { idempotencyKey: 'k-1' });
    const sent: unknown[] = [];
    const http = createHttpAdapter({ baseUrl: 'http://api.test', fetch: async (input) => (sent.push(input), Response.json({})) });
    const memory = createInMemoryBackend({ data: demoOrganisation() });
    const refusedBy = (adapter: OffboardAdapter) =>
      (adapter.assignLicense as (...args: unknown[]) => Promise<unknown>)('u-julia', context).then(
        () => expect.fail('expected a refusal'),
        (error: OffboardError) => error.toJSON(),
      );
    const expected = await refusedBy(memory);
    // Arguments keep their places: the context stands where the body should, so the context is missing.
    expect(expected).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'context' } });
    expect(await refusedBy(http)).toEqual(expected);
    expect(sent).toEqual([]);
  });
});

describe('validate', () => {
  it('stops each field at its first issue: a limit of 0.5 is told it is not an integer, not also that it is below 1', () => {
    const error = refusalOf(() => validate(ListUsersQuerySchema, { limit: 0.5 }, 'query'));
    expect(error.details.issues).toEqual([{ path: 'query.limit', message: 'must be an integer' }]);
  });
});
