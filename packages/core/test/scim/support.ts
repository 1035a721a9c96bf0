import { readFileSync } from 'node:fs';
import type { Caller, OffboardAdapter } from '../../src';
import { DEMO_ORGANISATION_ID } from '../../src/fixtures';
import { createDemoAuthenticator, createScimHandler, type ScimHandlerOptions } from '../../src/http/server';

export const ORIGIN = 'https://crm.example';
export const OTHER_ORGANISATION_ID = 'org-other';
export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';
export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

/** The identity provider's connection: a service identity of the demo organisation. */
export const okta: Caller = { organisationId: DEMO_ORGANISATION_ID, actorId: 'svc-okta', kind: 'service' };
export const entra: Caller = { organisationId: DEMO_ORGANISATION_ID, actorId: 'svc-entra', kind: 'service' };
export const otherOrganisation: Caller = { organisationId: OTHER_ORGANISATION_ID, actorId: 'svc-okta', kind: 'service' };
export const admin: Caller = { organisationId: DEMO_ORGANISATION_ID, actorId: 'u-ana', kind: 'user' };
export const member: Caller = { organisationId: DEMO_ORGANISATION_ID, actorId: 'u-carla', kind: 'user' };

/** A fixture's bytes, sent as they are. */
export const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8');

export const patchOp = (...operations: unknown[]) => JSON.stringify({ schemas: [PATCH_OP], Operations: operations });

export interface ScimCall {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Record<string, unknown> | undefined;
}

export interface CallInit {
  /** Who calls; `null` sends no credentials. @default okta */
  readonly as?: Caller | null;
  /** Sent as it is: a fixture, or a hand-made (possibly broken) body. */
  readonly body?: string;
  /** @default 'application/scim+json' when there is a body */
  readonly contentType?: string | null;
  readonly headers?: Record<string, string>;
}

/** The SCIM bridge over `backend` at `/scim/v2`, with demo tokens, and a caller that reads answers as JSON. */
export function scimBridge(backend: OffboardAdapter, options: Partial<ScimHandlerOptions> = {}) {
  const auth = createDemoAuthenticator();
  const handle = createScimHandler({ backend, authenticate: auth.authenticate, ...options });
  async function call(method: string, path: string, init: CallInit = {}): Promise<ScimCall> {
    const caller = init.as === undefined ? okta : init.as;
    const contentType = init.contentType === undefined ? (init.body === undefined ? null : 'application/scim+json') : init.contentType;
    const headers: Record<string, string> = {
      ...(caller && { Authorization: `Bearer ${auth.tokenFor(caller)}` }),
      ...(contentType && { 'Content-Type': contentType }),
      ...init.headers,
    };
    const response = await handle(new Request(`${ORIGIN}/scim/v2${path}`, { method, headers, body: init.body ?? null }));
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
  }
  return { handle, call, auth };
}

/** `GET /Users?filter=…` as identity providers write it, encoded. */
export const filterPath = (filter: string, extra = '') => `/Users?filter=${encodeURIComponent(filter)}${extra}`;
