import { validate } from '@readme/openapi-parser';
import Ajv2020 from 'ajv/dist/2020';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { OffboardAdapter } from '../../src/adapter/OffboardAdapter';
import { ERROR_STATUS, toProblem } from '../../src/contract/problems';
import { OPERATIONS, ROUTES, type OperationName, type Route } from '../../src/contract/routes';
import { ERROR_CODES, OffboardError } from '../../src/errors/OffboardError';
import { demoOrganisation } from '../../src/fixtures';
import { createOpenApiDocument, type OpenApiDocument } from '../../src/http/openapi';
import { createInMemoryBackend } from '../../src/inMemory';
import { as, observer } from '../../src/testing/harness';

type Json = { [key: string]: unknown };
type Routes = typeof ROUTES;
type BodyOperation = { [K in OperationName]: Routes[K] extends { body: v.GenericSchema } ? K : never }[OperationName];
type QueryOperation = { [K in OperationName]: Routes[K] extends { query: v.GenericSchema } ? K : never }[OperationName];

const document = createOpenApiDocument();

/** `/v1/users/:id` in OpenAPI's syntax, written out here rather than taken from the code under test. */
const pathOf = (route: Route) => (route.id ? route.path.replace(':id', `{${route.id}}`) : route.path);
const operationOf = (operation: OperationName) => {
  const route: Route = ROUTES[operation];
  return document.paths[pathOf(route)]?.[route.method.toLowerCase() as 'get' | 'post' | 'delete'] as Json;
};

/** Follows a local `$ref` (`#/components/responses/Conflict`) to what it names. */
function resolve(node: unknown): Json {
  const ref = (node as { $ref?: string }).$ref;
  if (!ref) return node as Json;
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>((at, key) => (at as Json)[key], document) as Json;
}

const parametersOf = (operation: OperationName) => ((operationOf(operation)['parameters'] ?? []) as unknown[]).map(resolve);
const parametersIn = (operation: OperationName, place: 'path' | 'query' | 'header') =>
  parametersOf(operation).filter((parameter) => parameter['in'] === place);
const responsesOf = (operation: OperationName) =>
  Object.fromEntries(Object.entries(operationOf(operation)['responses'] as Json).map(([status, response]) => [status, resolve(response)]));
const contentSchema = (holder: Json | undefined, type: string) => (holder?.['content'] as Record<string, Json> | undefined)?.[type]?.['schema'];
const bodySchemaOf = (operation: OperationName) => contentSchema(operationOf(operation)['requestBody'] as Json, 'application/json');

// `components` is no JSON Schema keyword; it only holds what the `$ref`s point to.
const ajv = new Ajv2020({ allErrors: true, strictSchema: false });
/** A validator for a schema of the document, its `$ref`s resolved against the document's components. */
const matches = (schema: unknown) => ajv.compile({ ...(schema as Json), components: document.components });

async function validity(doc: OpenApiDocument) {
  // The parser dereferences what it is given: each check gets a copy.
  const result = await validate(structuredClone(doc) as never);
  return result.valid ? { valid: true, errors: [], warnings: result.warnings } : { valid: false, errors: result.errors, warnings: result.warnings };
}

describe('createOpenApiDocument: a valid OpenAPI 3.1 document', () => {
  it('passes a real OpenAPI 3.1 validator, without warnings', async () => {
    expect(document.openapi).toBe('3.1.0');
    expect(await validity(document)).toEqual({ valid: true, errors: [], warnings: [] });
  });

  it('the validator does refuse a broken copy, so the check above can fail', async () => {
    const breakages: [(doc: OpenApiDocument) => void, RegExp][] = [
      [(doc) => void ((doc.paths['/v1/users/{userId}']!.get as Json)['parameters'] = []), /missing path parameter/],
      [(doc) => void delete doc.components.schemas['User'], /Missing \$ref pointer/],
      [(doc) => void ((doc.paths['/v1/users']!.get as Json)['responses'] = { '200': { content: {} } }), /description/],
      [(doc) => void ((doc as unknown as Json)['openapi'] = '3.1'), /pattern/],
    ];
    for (const [breakage, reason] of breakages) {
      const broken = structuredClone(document);
      breakage(broken);
      const { valid, errors } = await validity(broken);
      expect(valid, String(breakage)).toBe(false);
      expect(JSON.stringify(errors)).toMatch(reason);
    }
  });

  it('is the published document, packages/core/openapi.json, to the byte (`npx vitest run -u` rewrites it)', async () => {
    // Hosts generate clients from the committed file; any change to what the code documents shows in its diff.
    await expect(`${JSON.stringify(document, null, 2)}\n`).toMatchFileSnapshot('../../openapi.json');
  });

  it('is the same JSON for the same options, and a fresh object on every call', () => {
    const first = createOpenApiDocument({ basePath: '/api' });
    const second = createOpenApiDocument({ basePath: '/api' });
    expect(JSON.stringify(first)).toBe(JSON.stringify(second));
    ((first.components.schemas['User'] as { properties: { role: { enum: string[] } } }).properties.role.enum).push('owner');
    first.components.schemas['Contact'] = {};
    (first.tags[0] as Json)['name'] = 'changed';
    expect(createOpenApiDocument({ basePath: '/api' })).toEqual(second);
  });
});

describe('createOpenApiDocument: every route of the contract', () => {
  it('is an operation at its method and path, named after the adapter method, tagged and summarised', () => {
    const documented = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const expected = OPERATIONS.map((operation) => `${ROUTES[operation].method} ${pathOf(ROUTES[operation])}`);
    expect(documented.sort()).toEqual([...expected, 'GET /openapi.json'].sort());
    for (const operation of OPERATIONS) {
      expect(operationOf(operation), operation).toMatchObject({
        operationId: operation,
        tags: [expect.stringMatching(/^(Users|Contacts|Tasks|Phone numbers|Organisation|Scheduled deactivations|Audit)$/)],
        summary: expect.any(String),
        description: expect.any(String),
      });
    }
  });

  it('names its path parameter after route.id, required, with the id pattern', () => {
    for (const operation of OPERATIONS) {
      const route: Route = ROUTES[operation];
      const inPath = parametersIn(operation, 'path');
      expect(inPath.map((parameter) => parameter['name']), operation).toEqual(route.id ? [route.id] : []);
      for (const parameter of inPath) {
        expect(parameter['required']).toBe(true);
        expect(resolve(parameter['schema'])).toEqual({ type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' });
      }
    }
  });

  it('has one query parameter per field of the route’s query schema, required as the schema says, typed', () => {
    for (const operation of OPERATIONS) {
      const route: Route = ROUTES[operation];
      const entries = (route.query as unknown as { entries?: Record<string, v.GenericSchema> } | undefined)?.entries ?? {};
      expect(parametersIn(operation, 'query').map((parameter) => [parameter['name'], parameter['required']]), operation).toEqual(
        Object.entries(entries).map(([name, schema]) => [name, schema.type !== 'optional']),
      );
    }
    const listUsers = Object.fromEntries(parametersOf('listUsers').map((parameter) => [parameter['name'], parameter['schema']]));
    expect(listUsers).toMatchObject({
      licensed: { type: 'boolean' },
      limit: { type: 'integer', minimum: 1, maximum: 500 },
      // A null cursor (the first page) is no cursor in a query string.
      cursor: { type: 'string', pattern: expect.any(String) },
    });
  });

  it('takes a JSON body on every change: required where the route has one, else none or {} (Content-Type still says JSON)', () => {
    for (const operation of OPERATIONS) {
      const route: Route = ROUTES[operation];
      const body = operationOf(operation)['requestBody'] as Json | undefined;
      if (route.method === 'GET') expect(body, operation).toBeUndefined();
      // An optional body (R14's reason) may be left out, like no body at all.
      else expect([body?.['required'], bodySchemaOf(operation)], operation).toEqual([route.body !== undefined && route.body.type !== 'optional', expect.any(Object)]);
    }
  });

  it('answers 200 with its response schema, except R1’s delete, which only ever answers problems', () => {
    for (const operation of OPERATIONS) {
      const route: Route = ROUTES[operation];
      const success = responsesOf(operation)['200'];
      if (route.response === null) expect(success, operation).toBeUndefined();
      else expect(Object.keys(success?.['content'] as Json), operation).toEqual(['application/json']);
    }
    expect(bodySchemaOf('assignLicense')).toEqual({ $ref: '#/components/schemas/AssignLicenseBody' });
    expect(contentSchema(responsesOf('listUsers')['200'], 'application/json')).toEqual({ $ref: '#/components/schemas/UserPage' });
    const shared = ['User', 'Contact', 'Task', 'PhoneNumber', 'SalesBrain', 'AuditEntry', 'OffboardingPlan', 'Problem', 'UserPage', 'TaskPage'];
    expect(Object.keys(document.components.schemas)).toEqual(expect.arrayContaining(shared));
  });

  it('lists the problems each kind of route can answer, as application/problem+json', () => {
    const statuses = (operation: OperationName) => Object.keys(responsesOf(operation)).filter((status) => status !== '200');
    const everyRoute = ['400', '401', '403', '500', '502', '503'];
    for (const operation of OPERATIONS) {
      const route: Route = ROUTES[operation];
      expect(statuses(operation), operation).toEqual(expect.arrayContaining(everyRoute));
      for (const status of statuses(operation)) {
        expect(Object.keys(responsesOf(operation)[status]!['content'] as Json), `${operation} ${status}`).toEqual(['application/problem+json']);
      }
      const has = (status: string) => statuses(operation).includes(status);
      const change = route.mutation === true && route.response !== null;
      for (const status of ['409', '412', '422']) expect(has(status), `${operation} ${status}`).toBe(change);
      for (const status of ['408', '413', '415']) expect(has(status), `${operation} ${status}`).toBe(route.mutation === true);
      expect(statuses(operation).includes('405'), operation).toBe(route.response === null);
    }
    expect(resolve(responsesOf('deleteUser')['405']!['headers'] as Json)).toHaveProperty('Allow');
  });

  it('puts every error code under the status ERROR_STATUS gives it, and its problem document fits that response', () => {
    for (const code of ERROR_CODES) {
      const status = String(ERROR_STATUS[code]);
      const carriers = OPERATIONS.filter((operation) => ((responsesOf(operation)[status]?.['x-codes'] ?? []) as string[]).includes(code));
      expect(carriers.length, code).toBeGreaterThan(0);
      const schema = contentSchema(responsesOf(carriers[0]!)[status], 'application/problem+json');
      const problem = toProblem(new OffboardError(code, { id: 'u-1' }), ERROR_STATUS[code], '0b9f5c1e-4a4e-4d55-9a53-0f2b8e0b1c2d');
      expect(matches(schema)(problem), code).toBe(true);
      expect(matches(schema)({ ...problem, status: 499 }), code).toBe(false);
    }
  });

  it('takes Idempotency-Key on every change, If-Match on changes of one versioned record, and answers ETag where the route has one', () => {
    for (const operation of OPERATIONS) {
      const route: Route = ROUTES[operation];
      const headers = parametersIn(operation, 'header').map((parameter) => parameter['name']);
      const versioned = route.mutation === true && route.etag !== undefined && route.bulk === undefined;
      expect(headers, operation).toEqual([...(route.mutation ? ['Idempotency-Key'] : []), ...(versioned ? ['If-Match'] : [])]);
      const answered = Object.keys((responsesOf(operation)['200']?.['headers'] ?? {}) as Json);
      expect(answered.includes('ETag'), operation).toBe(route.etag !== undefined);
    }
  });

  it('says X-Request-Id and Cache-Control: no-store on every answer, the document’s own included', () => {
    const answers = Object.values(document.paths).flatMap((item) =>
      Object.values(item).flatMap((operation) => Object.values(operation['responses'] as Json)),
    );
    expect(answers.length).toBeGreaterThan(OPERATIONS.length * 5);
    for (const answer of answers) {
      const headers = resolve(answer)['headers'] as Json;
      expect(resolve(headers['X-Request-Id'])).toMatchObject({ schema: { type: 'string' } });
      expect(resolve(headers['Cache-Control'])).toMatchObject({ schema: { const: 'no-store' } });
    }
  });
});

describe('createOpenApiDocument: security and options', () => {
  it('requires bearer credentials by default, everywhere but the document itself, and says where the caller comes from', () => {
    expect(document.components.securitySchemes).toEqual({ bearerAuth: { type: 'http', scheme: 'bearer' } });
    expect(document.security).toEqual([{ bearerAuth: [] }]);
    expect(document.paths['/openapi.json']!.get).toMatchObject({ operationId: 'getOpenApiDocument', security: [] });
    expect(OPERATIONS.every((operation) => !('security' in operationOf(operation)))).toBe(true);
    expect(document.info.description).toMatch(/credentials/);
    expect(document.info.description).toMatch(/Nothing in a request names the acting user/);
  });

  it('takes the host’s own schemes (a cookie, an API key), any one of which is enough', async () => {
    const securitySchemes = {
      session: { type: 'apiKey', in: 'cookie', name: 'sid' },
      apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
    };
    const servers = [{ url: 'https://crm.example', description: 'Production' }];
    const doc = createOpenApiDocument({ securitySchemes, title: 'CRM', version: '2.3.0', servers });
    expect(doc.security).toEqual([{ session: [] }, { apiKey: [] }]);
    expect(doc.components.securitySchemes).toEqual(securitySchemes);
    expect(doc.info).toMatchObject({ title: 'CRM', version: '2.3.0' });
    expect(doc.servers).toEqual(servers);
    expect((await validity(doc)).valid).toBe(true);
  });

  it('puts every path under basePath, with trailing slashes or none', async () => {
    for (const basePath of ['/api/offboard', '/api/offboard/', '/api/offboard//']) {
      const doc = createOpenApiDocument({ basePath });
      expect(Object.keys(doc.paths)).toEqual(Object.keys(document.paths).map((path) => `/api/offboard${path}`));
      expect((await validity(doc)).valid).toBe(true);
    }
    expect(Object.keys(createOpenApiDocument().paths)).toContain('/v1/users/{userId}');
  });
});

describe('createOpenApiDocument: round trips with the contract’s own schemas', () => {
  const bodies: Record<BodyOperation, { valid: unknown[]; invalid: unknown[] }> = {
    assignLicense: { valid: [{ country: 'ES' }], invalid: [{ country: 'ES', actorId: 'u-ana' }, { country: 'Spain' }, {}] },
    reassignContacts: {
      valid: [
        { fromOwnerId: 'u-marta', toUserIds: ['u-carla', 'u-oscar'] },
        { fromOwnerId: 'u-marta', contactIds: ['c-1', 'c-2'], toUserIds: ['u-carla'] },
        { fromOwnerId: 'u-marta', exceptContactIds: [], toUserIds: ['u-carla'] },
      ],
      invalid: [
        { fromOwnerId: 'u-marta', toUserIds: ['u-carla'], organisationId: 'org-2' },
        { fromOwnerId: 'u-marta', toUserIds: [] },
        { fromOwnerId: 'u-marta', toUserIds: ['not an id'] },
        { fromOwnerId: 'u-marta', toUserIds: Array.from({ length: 51 }, (_, i) => `u-${i}`) },
        { toUserIds: ['u-carla'] },
      ],
    },
    deactivateLicense: {
      valid: [{}, { reason: { code: 'downsizing' } }, { reason: { code: 'other', note: 'Budget cut' } }],
      invalid: [{ reason: { code: 'fired' } }, { reason: {} }, { reason: { code: 'other', note: 'x'.repeat(501) } }, { reason: { code: 'other' }, actorId: 'u-ana' }],
    },
    deactivateUser: {
      valid: [{}, { reason: { code: 'left-company', note: 'Moved to a competitor' } }],
      invalid: [{ why: 'left' }, { reason: 'left-company' }],
    },
    scheduleDeactivation: {
      valid: [{ scope: 'user', at: '2026-12-01T09:00:00+01:00' }, { scope: 'license', at: '2026-12-01T09:00:00.250Z', reason: { code: 'role-change' } }],
      invalid: [{ scope: 'team', at: '2026-12-01T09:00:00Z' }, { scope: 'user', at: '1 December' }, { scope: 'user' }, { scope: 'user', at: '2026-12-01T09:00:00Z', by: 'u-ana' }],
    },
    transferTasks: {
      valid: [{ fromUserId: 'u-elena', toUserId: 'u-oscar' }, { fromUserId: 'u-elena', taskIds: ['t-1'], toUserId: 'u-oscar' }],
      invalid: [
        { fromUserId: 'u-elena', toUserId: 'u-oscar', expectedVersion: 2 },
        { fromUserId: 'u-elena', toUserId: 7 },
        { fromUserId: 'u-elena' },
      ],
    },
  };

  it('a body the route accepts fits the document’s schema for it; one it refuses (an unknown field…) does not', () => {
    for (const [operation, { valid, invalid }] of Object.entries(bodies) as [BodyOperation, (typeof bodies)[BodyOperation]][]) {
      const schema = ROUTES[operation].body;
      const fits = matches(bodySchemaOf(operation));
      for (const body of valid) expect([v.is(schema, body), fits(body)], `${operation} ${JSON.stringify(body)}`).toEqual([true, true]);
      for (const body of invalid) expect([v.is(schema, body), fits(body)], `${operation} ${JSON.stringify(body)}`).toEqual([false, false]);
    }
    for (const operation of OPERATIONS.filter((name) => ROUTES[name].method !== 'GET' && !('body' in ROUTES[name]))) {
      expect([matches(bodySchemaOf(operation))({}), matches(bodySchemaOf(operation))({ userId: 'u-ana' })], operation).toEqual([true, false]);
    }
  });

  it('is looser than the contract only where a check has no JSON Schema form', () => {
    const looser = [
      ['reassignContacts', { fromOwnerId: 'u-marta', toUserIds: ['u-carla', 'u-carla'] }], // distinct ids
      ['reassignContacts', { fromOwnerId: 'u-marta', contactIds: ['c-1'], exceptContactIds: ['c-2'], toUserIds: ['u-carla'] }], // one or the other
      ['transferTasks', { fromUserId: 'constructor', toUserId: 'u-oscar' }], // reserved ids
      ['scheduleDeactivation', { scope: 'user', at: '2026-02-30T09:00:00Z' }], // a real calendar date
    ] as const;
    for (const [operation, body] of looser) {
      expect([v.is(ROUTES[operation].body, body), matches(bodySchemaOf(operation))(body)], JSON.stringify(body)).toEqual([false, true]);
    }
  });

  it('query values as the route decodes them fit their parameters; values it refuses do not', () => {
    const queries: Record<QueryOperation, { valid: Json; invalid: Json }> = {
      listUsers: {
        valid: { status: 'all', limit: 3, licensed: true, search: 'garcía', cursor: 'abc' },
        invalid: { limit: 501, licensed: 'yes', role: 'owner', search: 'a\u0000b' },
      },
      getOffboardingPlan: { valid: { scenario: 'role-change' }, invalid: { scenario: 'layoff' } },
      listContacts: { valid: { ownerId: 'u-marta', orphaned: false }, invalid: { ownerId: 'u marta', orphaned: 1 } },
      listTasks: { valid: { assigneeId: 'u-diego', state: 'completed', transferable: true }, invalid: { state: 'open' } },
      listPhoneNumbers: { valid: { country: 'MX', status: 'inactive' }, invalid: { country: 'mx' } },
      listSalesBrains: { valid: { memberId: 'u-ignacio', limit: 500 }, invalid: { limit: 0 } },
      listAuditLog: { valid: { action: 'user.deactivated', actorId: 'u-ana', targetId: 'u-karla' }, invalid: { action: 'user.deleted' } },
      listHistory: { valid: { userId: 'u-diego', kind: 'metric' }, invalid: { kind: 'sms', limit: 2.5 } },
      listScheduledDeactivations: { valid: { userId: 'u-diego', status: 'failed' }, invalid: { status: 'done', userId: 'u diego' } },
    };
    for (const [operation, { valid, invalid }] of Object.entries(queries) as [QueryOperation, (typeof queries)[QueryOperation]][]) {
      const schemas = Object.fromEntries(parametersOf(operation).map((parameter) => [parameter['name'], parameter['schema']]));
      expect(v.is(ROUTES[operation].query, valid), operation).toBe(true);
      for (const [name, value] of Object.entries(valid)) expect(matches(schemas[name])(value), `${operation} ${name}`).toBe(true);
      for (const [name, value] of Object.entries(invalid)) {
        expect([v.is(ROUTES[operation].query, { [name]: value }), matches(schemas[name])(value)], `${operation} ${name}`).toEqual([false, false]);
      }
    }
  });

  it('what the in-memory backend answers fits each route’s 200 schema', async () => {
    const backend = createInMemoryBackend({ data: demoOrganisation() });
    // One call per operation, in an order that works on the demo organisation (as in the mocks’ round trip).
    const calls: Record<Exclude<OperationName, 'deleteUser'>, (adapter: OffboardAdapter) => Promise<unknown>> = {
      listUsers: (a) => a.listUsers({ status: 'all' }, observer),
      getUser: (a) => a.getUser('u-ana', observer),
      getOffboardingPlan: (a) => a.getOffboardingPlan('u-diego', {}, as('u-ana')),
      getAccess: (a) => a.getAccess('u-marta', observer),
      listContacts: (a) => a.listContacts({ limit: 5 }, observer),
      listTasks: (a) => a.listTasks({}, observer),
      listPhoneNumbers: (a) => a.listPhoneNumbers({}, observer),
      listSalesBrains: (a) => a.listSalesBrains({}, observer),
      getSeatUsage: (a) => a.getSeatUsage(observer),
      deactivatePhoneNumber: (a) => a.deactivatePhoneNumber('pn-es-1', as('u-ana', { expectedVersion: 1 })),
      assignLicense: (a) => a.assignLicense('u-julia', { country: 'ES' }, as('u-ana', { idempotencyKey: 'julia-es' })),
      takeTask: (a) => a.takeTask('t-047', as('u-carla')),
      transferTasks: (a) => a.transferTasks({ fromUserId: 'u-elena', toUserId: 'u-oscar' }, as('u-ana')),
      reassignContacts: (a) => a.reassignContacts({ fromOwnerId: 'u-marta', toUserIds: ['u-carla', 'u-oscar'] }, as('u-bruno')),
      scheduleDeactivation: (a) => a.scheduleDeactivation('u-elena', { scope: 'license', at: '2099-01-01T09:00:00Z', reason: { code: 'other', note: 'Audit' } }, as('u-ana')),
      cancelScheduledDeactivation: (a) => a.cancelScheduledDeactivation('sd-1', as('u-ana')),
      listScheduledDeactivations: (a) => a.listScheduledDeactivations({}, observer),
      deactivateLicense: (a) => a.deactivateLicense('u-elena', { reason: { code: 'downsizing' } }, as('u-ana')),
      deactivateUser: (a) => a.deactivateUser('u-elena', as('u-ana', { expectedVersion: 2 })),
      reactivateUser: (a) => a.reactivateUser('u-elena', as('u-ana')),
      listAuditLog: (a) => a.listAuditLog({}, observer),
      listHistory: (a) => a.listHistory({ userId: 'u-diego', limit: 10 }, observer),
    };
    for (const [operation, call] of Object.entries(calls) as [OperationName, (adapter: OffboardAdapter) => Promise<unknown>][]) {
      const schema = contentSchema(responsesOf(operation)['200'], 'application/json');
      const answer = await call(backend);
      expect(matches(schema)(answer), operation).toBe(true);
      expect(matches(schema)({}), operation).toBe(false);
    }
  });
});
