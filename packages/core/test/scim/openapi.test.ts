import { validate } from '@readme/openapi-parser';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { demoOrganisation } from '../../src/fixtures';
import { createScimOpenApiDocument, scimOpenApiPaths, type ScimOpenApiDocument } from '../../src/http/server';
import { createInMemoryBackend } from '../../src/inMemory';
import { filterPath, fixture, scimBridge } from './support';

type Json = { [key: string]: unknown };

const document = createScimOpenApiDocument();

async function validity(doc: ScimOpenApiDocument) {
  const result = await validate(structuredClone(doc) as never);
  return { valid: result.valid, errors: result.valid ? [] : result.errors, warnings: result.warnings };
}

const ajv = new Ajv2020({ allErrors: true, strictSchema: false });
const matches = (name: string) => ajv.compile({ ...(document.components.schemas[name] as Json), components: document.components });

describe('SCIM OpenAPI document', () => {
  it('passes a real OpenAPI 3.1 validator, without warnings, and a broken copy does not', async () => {
    expect(await validity(document)).toEqual({ valid: true, errors: [], warnings: [] });
    const broken = structuredClone(document);
    delete broken.components.schemas['ScimUser'];
    expect((await validity(broken)).valid).toBe(false);
  });

  it('has a row for every method the bridge answers, at its basePath', () => {
    const rows = Object.entries(createScimOpenApiDocument({ basePath: '/idp/scim/' }).paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((key) => key !== 'parameters')
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(rows.sort()).toEqual(
      [
        'GET /idp/scim/ServiceProviderConfig',
        'GET /idp/scim/Schemas',
        'GET /idp/scim/Schemas/{schemaId}',
        'GET /idp/scim/ResourceTypes',
        'GET /idp/scim/ResourceTypes/{resourceTypeId}',
        'GET /idp/scim/Users',
        'POST /idp/scim/Users',
        'GET /idp/scim/Users/{userId}',
        'PATCH /idp/scim/Users/{userId}',
        'PUT /idp/scim/Users/{userId}',
        'DELETE /idp/scim/Users/{userId}',
        'GET /idp/scim/openapi.json',
      ].sort(),
    );
    expect(scimOpenApiPaths('/idp/scim').paths['/idp/scim/Users/{userId}']!['delete']).toMatchObject({ responses: { 405: { $ref: '#/components/responses/ScimMethodNotAllowed' } } });
  });

  it('describes what the bridge really answers: a user, a list, a PATCH’s examples and an error match their schemas', async () => {
    const { call } = scimBridge(createInMemoryBackend({ data: demoOrganisation() }));
    const user = matches('ScimUser');
    const list = matches('ScimUserList');
    const patch = matches('ScimPatchOp');
    const error = matches('ScimError');
    expect(user((await call('GET', '/Users/u-elena')).body), JSON.stringify(user.errors)).toBe(true);
    expect(list((await call('GET', filterPath('userName eq "elena@vixiees.example"'))).body), JSON.stringify(list.errors)).toBe(true);
    for (const name of ['okta-deactivate', 'okta-reactivate', 'entra-disable', 'entra-disable-string', 'entra-disable-pathless', 'entra-enable']) {
      expect(patch(JSON.parse(fixture(name))), name).toBe(true);
    }
    expect(error((await call('DELETE', '/Users/u-elena')).body), JSON.stringify(error.errors)).toBe(true);
    expect(user({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], id: 'u-elena' })).toBe(false);
  });

  it('is served at <basePath>/openapi.json without credentials, as the REST contract’s is', async () => {
    const { call } = scimBridge(createInMemoryBackend({ data: demoOrganisation() }));
    const answer = await call('GET', '/openapi.json', { as: null });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/json');
    expect(answer.body).toEqual(JSON.parse(JSON.stringify(document)));
  });
});
