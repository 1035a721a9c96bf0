import { OPERATIONS, ROUTES, type OperationName, type Route } from '@offboard/core';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { admin, mockServer, send } from './mockServer';

const { serve } = mockServer();

/** Strings a hostile or careless client sends: markup, control characters, traversal, emptiness, length. */
const hostile = fc.oneof(
  fc.constantFrom('<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '../../etc/passwd', '', ' ', 'a b', '%00', '\u0000', '\u0007bell', '\u202eevil', '{}', '[]', 'null'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }).filter((text) => /[^A-Za-z0-9_-]/.test(text)),
  fc.string({ minLength: 65, maxLength: 200 }),
);
/** A value of the wrong type wherever a string or a list goes. */
const wrongType = fc.constantFrom<unknown>(42, true, null, { nested: 'object' }, [1, 2], ['<b>x</b>']);

/** fetch itself refuses some header values (control characters, edge spaces); those never reach a server. */
const sendableHeader = (value: string) => {
  try {
    return new Headers({ Authorization: value }).get('Authorization') === value;
  } catch {
    return false;
  }
};
const pathFor = (route: Route, id: string) => route.path.replace(':id', encodeURIComponent(id));
const validId: Record<NonNullable<Route['id']>, string> = { userId: 'u-carla', taskId: 't-047', phoneNumberId: 'pn-es-1', scheduleId: 'sd-1' };
/** A valid body of each route that takes one, which each case spoils in one way. */
const VALID_BODIES: Partial<Record<OperationName, Record<string, unknown>>> = {
  assignLicense: { country: 'ES' },
  reassignContacts: { fromOwnerId: 'u-marta', toUserIds: ['u-carla'] },
  transferTasks: { fromUserId: 'u-elena', toUserId: 'u-carla' },
  deactivateLicense: { reason: { code: 'left-company' } },
  deactivateUser: { reason: { code: 'left-company' } },
  scheduleDeactivation: { scope: 'user', at: '2026-12-01T09:00:00Z' },
};
/** Fields a body may leave out (R14's reason): leaving them out is no bad input. */
const OPTIONAL_FIELDS = new Set(['reason']);
const tried = new Map<string, number>();
const count = (kind: string) => tried.set(kind, (tried.get(kind) ?? 0) + 1);

/** Every bad request is a typed 4xx problem that changes nothing. */
async function expectRefused(request: { method: string; path: string; headers?: Record<string, string>; body?: unknown }, kind: string) {
  count(kind);
  const response = await send(request.method, request.path, { headers: request.headers, body: request.body });
  expect(response.status, `${kind} ${request.method} ${request.path}`).toBeGreaterThanOrEqual(400);
  expect(response.status, `${kind} ${request.method} ${request.path}`).toBeLessThan(500);
  expect(response.headers.get('Content-Type')).toBe('application/problem+json');
  // Malformed: VALIDATION_FAILED; well-formed but unknown: NOT_FOUND; bad credentials: UNAUTHENTICATED.
  expect((response.body as { code: string }).code).toMatch(/^(VALIDATION_FAILED|NOT_FOUND|FORBIDDEN|DELETION_NOT_SUPPORTED|UNAUTHENTICATED)$/);
}

describe('Bad input at every REST endpoint', () => {
  afterAll(() => {
    const total = [...tried.values()].reduce((sum, n) => sum + n, 0);
    console.log(`bad inputs tried: ${total} (${[...tried].map(([kind, n]) => `${kind} ${n}`).join(', ')})`);
  });

  for (const operation of OPERATIONS) {
    const route: Route = ROUTES[operation as OperationName];
    it(`${route.method} ${route.path}: hostile ids, unknown and wrong-typed fields, huge bodies → typed 4xx, nothing changed`, async () => {
      const { backend } = serve();
      const before = backend.snapshot();
      const headers = admin;
      const path = pathFor(route, route.id ? validId[route.id] : '');
      const body = VALID_BODIES[operation];

      await fc.assert(
        fc.asyncProperty(hostile, wrongType, async (text, value) => {
          // An empty segment is another URL (GET /v1/users/ lists users), not a bad id.
          if (route.id && text !== '') await expectRefused({ method: route.method, path: pathFor(route, text), headers, body }, 'hostile id');
          await expectRefused({ method: route.method, path: `${path}?${encodeURIComponent(text) || 'x'}=1`, headers, body }, 'unknown query parameter');
          if (route.query) await expectRefused({ method: route.method, path: `${path}?limit=${encodeURIComponent(text)}`, headers }, 'bad query value');
          if (sendableHeader(`Bearer ${text}`)) await expectRefused({ method: route.method, path, headers: { Authorization: `Bearer ${text}` }, body }, 'hostile credentials');
          if (route.body) {
            await expectRefused({ method: route.method, path, headers, body: { ...(body as object), [text || 'empty']: value } }, 'unknown body field');
            for (const field of Object.keys(body as object)) {
              await expectRefused({ method: route.method, path, headers, body: { ...(body as object), [field]: value } }, 'wrong-typed field');
            }
          } else if (route.method === 'POST') {
            await expectRefused({ method: route.method, path, headers, body: { [text || 'empty']: value } }, 'body on a bodyless action');
          }
        }),
        { numRuns: 12 },
      );
      if (route.body) {
        // Missing fields, one at a time, and a list of ids far past the limit.
        for (const field of Object.keys(body as object).filter((name) => !OPTIONAL_FIELDS.has(name))) {
          const { [field]: _, ...rest } = body as Record<string, unknown>;
          await expectRefused({ method: route.method, path, headers, body: rest }, 'missing field');
        }
      }
      if (operation === 'reassignContacts') {
        const huge = Array.from({ length: 200_000 }, (_, i) => `c-${i}`);
        await expectRefused({ method: route.method, path, headers, body: { ...body, contactIds: huge } }, 'huge list');
        await expectRefused({ method: route.method, path, headers, body: { ...body, toUserIds: huge.slice(0, 51) } }, 'huge list');
      }
      expect(backend.snapshot()).toEqual(before);
    });
  }
});
