import { scimPatch, ScimError as PatchLibraryError, type ScimPatchOperation, type ScimResource } from 'scim-patch';
import { ScimRefusal } from './errors';
import { SCIM_SCHEMAS, type ScimUser } from './resources';

/**
 * PATCH and PUT of a User, declaratively (RFC 7644 §3.5): the request says what the resource
 * should look like, the bridge reads the user, applies the operations to that resource with
 * `scim-patch`, and compares. The one difference it acts on is `active`; any other difference is
 * refused whole (400, nothing changes), since Offboard's other attributes are read-only here and it
 * keeps no others. A difference of nothing is a 200 that changes nothing: the same PATCH twice
 * leaves one change.
 */

export const MAX_PATCH_OPERATIONS = 100;
const MAX_PATH_LENGTH = 512;

/** Offboard's User attributes, in their canonical spelling; attribute names are case-insensitive (RFC 7643 §2.1). */
const OWN_ATTRIBUTES = ['schemas', 'id', 'meta', 'userName', 'name', 'displayName', 'active', 'emails'] as const;
const CANONICAL = new Map<string, string>(OWN_ATTRIBUTES.map((name) => [name.toLowerCase(), name]));
const CORE_PREFIX = `${SCIM_SCHEMAS.user.toLowerCase()}:`;

/**
 * `scim-patch` walks paths and value keys as plain property names, so `__proto__.x` or
 * `constructor.prototype.x` would reach `Object.prototype`. No SCIM attribute is named like these:
 * a path or a key (at any depth) that contains one is refused before anything is applied.
 */
const RESERVED = /__proto__|constructor|prototype/i;

type Json = { [key: string]: unknown };
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

const invalidSyntax = (detail: string) => new ScimRefusal(400, detail, 'invalidSyntax');

/** An attribute's name as a refusal may repeat it: a plausible attribute name, or nothing of the request. */
const named = (key: string) => (/^[A-Za-z][\w.:$-]{0,99}$/.test(key) ? key : 'An attribute');

/** A member of a request object, found case-insensitively (`Operations`, `operations`; `op`, `Op`). */
function member(object: Json, name: string): unknown {
  const lower = name.toLowerCase();
  const key = Object.keys(object).find((candidate) => candidate.toLowerCase() === lower);
  return key === undefined ? undefined : object[key];
}

function hasMember(object: Json, name: string): boolean {
  const lower = name.toLowerCase();
  return Object.keys(object).some((candidate) => candidate.toLowerCase() === lower);
}

/** Whether `schemas` lists `urn` (URNs compared case-insensitively). */
function lists(schemas: unknown, urn: string): boolean {
  return Array.isArray(schemas) && schemas.some((schema) => typeof schema === 'string' && schema.toLowerCase() === urn.toLowerCase());
}

/** `urn:…:core:2.0:User:Active` → `active`; `EMAILS[type eq "work"].value` → `emails[type eq "work"].value`. */
function canonicalPath(path: string): string {
  const bare = path.toLowerCase().startsWith(CORE_PREFIX) ? path.slice(CORE_PREFIX.length) : path;
  const head = /^[^.[]+/.exec(bare)?.[0] ?? '';
  const canonical = CANONICAL.get(head.toLowerCase());
  return canonical ? canonical + bare.slice(head.length) : bare;
}

/** Refuses a reserved word anywhere in a value's keys; iterative, so a deeply nested body cannot exhaust the stack. */
function refuseReservedKeys(value: unknown): void {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (Array.isArray(next)) pending.push(...next);
    else if (isObject(next)) {
      for (const [key, inner] of Object.entries(next)) {
        if (RESERVED.test(key)) throw new ScimRefusal(400, 'A value names a reserved word as an attribute.', 'invalidPath');
        pending.push(inner);
      }
    }
  }
}

/**
 * The operations of a PatchOp request (RFC 7644 §3.5.2), checked and put in canonical form:
 * `op` in lower case (Entra sends `Replace`), paths and the keys of a path-less value with
 * Offboard's spelling of its attributes. Anything malformed is a 400 `invalidSyntax`.
 */
export function patchOperationsOf(body: unknown): ScimPatchOperation[] {
  if (!isObject(body)) throw invalidSyntax('The body must be a PatchOp object.');
  if (!lists(member(body, 'schemas'), SCIM_SCHEMAS.patchOp)) throw invalidSyntax(`schemas must list ${SCIM_SCHEMAS.patchOp}.`);
  const operations = member(body, 'Operations');
  if (!Array.isArray(operations) || operations.length === 0) throw invalidSyntax('Operations must list at least one operation.');
  if (operations.length > MAX_PATCH_OPERATIONS) throw invalidSyntax(`Operations must list at most ${MAX_PATCH_OPERATIONS} operations.`);
  return operations.map((operation: unknown, index): ScimPatchOperation => {
    const at = `Operations[${index}]`;
    if (!isObject(operation)) throw invalidSyntax(`${at} must be an object.`);
    const op = member(operation, 'op');
    const kind = typeof op === 'string' ? op.toLowerCase() : '';
    if (kind !== 'add' && kind !== 'replace' && kind !== 'remove') throw invalidSyntax(`${at}.op must be add, replace or remove.`);
    const rawPath = member(operation, 'path');
    if (rawPath !== undefined && (typeof rawPath !== 'string' || rawPath.length === 0 || rawPath.length > MAX_PATH_LENGTH)) {
      throw new ScimRefusal(400, `${at}.path must be an attribute path of at most ${MAX_PATH_LENGTH} characters.`, 'invalidPath');
    }
    if (rawPath !== undefined && RESERVED.test(rawPath)) throw new ScimRefusal(400, `${at}.path names a reserved word.`, 'invalidPath');
    const path = rawPath === undefined ? undefined : canonicalPath(rawPath);
    const value = member(operation, 'value');
    refuseReservedKeys(value);
    if (kind === 'remove') {
      if (path === undefined) throw new ScimRefusal(400, `${at}: remove needs a path.`, 'noTarget');
      return { op: 'remove', path, ...(value !== undefined && { value }) };
    }
    if (!hasMember(operation, 'value')) throw invalidSyntax(`${at}: ${kind} needs a value.`);
    if (path !== undefined) return { op: kind, path, value };
    // Without a path, the value is a set of attributes (Okta's {"op":"replace","value":{"active":false}}).
    if (!isObject(value)) throw new ScimRefusal(400, `${at}.value must be an object of attributes when there is no path.`, 'invalidValue');
    return { op: kind, value: Object.fromEntries(Object.entries(value).map(([key, inner]) => [canonicalPath(key), inner])) };
  });
}

/** Equal as JSON values: objects by their members whatever their order, arrays item by item. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  }
  if (!isObject(a) || !isObject(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && sameJson(a[key], b[key]));
}

/**
 * `active` as identity providers send it: a boolean, or the strings `"True"` / `"False"` (Entra),
 * in any case.
 */
export function activeOf(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  throw new ScimRefusal(400, 'active must be true or false.', 'invalidValue');
}

/**
 * What `operations` make of `current`'s `active`, or a refusal. The operations run on a copy with
 * `scim-patch`; then every attribute but `active` must be as it was (RFC 7644 §3.5.2: a client
 * must not modify a readOnly attribute, `mutability`; an attribute Offboard does not have is an
 * `invalidPath`), and the PATCH is atomic: one refused operation refuses them all.
 */
export function patchedActive(current: ScimUser, operations: ScimPatchOperation[]): boolean {
  // scim-patch's type asks for meta.created and meta.lastModified, which it never reads (Offboard
  // keeps no creation time); the resource is passed as it is served.
  const resource = structuredClone(current) as unknown as ScimResource;
  let patched: unknown;
  try {
    patched = scimPatch(resource, operations, { mutateDocument: true, treatMissingAsAdd: true });
  } catch (error) {
    // The library's messages quote the request's paths: the refusal says what went wrong, not what was sent.
    const noTarget = error instanceof PatchLibraryError && error.scimCode === 'noTarget';
    throw noTarget
      ? new ScimRefusal(400, 'An operation selects no value to change (a value filter that matches nothing).', 'noTarget')
      : new ScimRefusal(400, 'An operation cannot be applied to a User: check its path and value against /Schemas.', 'invalidPath');
  }
  if (!isObject(patched)) throw new ScimRefusal(400, 'The operations do not leave a User.', 'invalidValue');
  const before = current as unknown as Json;
  for (const key of new Set([...Object.keys(before), ...Object.keys(patched)])) {
    if (key === 'active' || sameJson(before[key], patched[key])) continue;
    if (CANONICAL.has(key.toLowerCase())) {
      throw new ScimRefusal(400, `${key} is read-only (see /Schemas): names and emails belong to the host application. A PATCH may change active only.`, 'mutability');
    }
    throw new ScimRefusal(400, `${named(key)} is not an attribute of Offboard's User (see /Schemas). A PATCH may change active only.`, 'invalidPath');
  }
  if (!Object.hasOwn(patched, 'active')) throw new ScimRefusal(400, 'active cannot be removed: replace it with true or false.', 'mutability');
  return activeOf(patched['active']);
}

/**
 * What a PUT (RFC 7644 §3.5.1) asks of `active`, or `undefined` when it does not say. Read-only
 * attributes are ignored, as §3.5.1 says of them (older Okta integrations PUT the whole user
 * with every attribute); `schemas` must name the User schema.
 */
export function replacedActive(body: unknown): boolean | undefined {
  if (!isObject(body)) throw invalidSyntax('The body must be a User resource.');
  if (!lists(member(body, 'schemas'), SCIM_SCHEMAS.user)) throw invalidSyntax(`schemas must list ${SCIM_SCHEMAS.user}.`);
  const active = member(body, 'active');
  return active === undefined ? undefined : activeOf(active);
}
