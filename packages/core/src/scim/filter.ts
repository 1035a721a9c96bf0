import { parse, type Compare, type Filter } from 'scim2-parse-filter';
import { ScimRefusal } from './errors';
import { SCIM_SCHEMAS } from './resources';

/** Longer filters are refused before parsing: the parser recurses, and no IdP sends more than one comparison. */
export const MAX_FILTER_LENGTH = 1000;

/** What a `GET /Users` filter selects, in the adapter's terms. */
export type UserSelection =
  | { readonly by: 'all' }
  /** `userName eq` / `emails.value eq` / `emails[value eq …]`: the email, case-insensitively (caseExact false). */
  | { readonly by: 'email'; readonly email: string }
  | { readonly by: 'id'; readonly id: string }
  | { readonly by: 'status'; readonly active: boolean }
  /** `externalId eq`: Offboard keeps no externalId, so nothing matches. */
  | { readonly by: 'none' };

const SUPPORTED = 'Offboard answers one comparison: userName eq "…", emails.value eq "…", id eq "…", externalId eq "…" or active eq true|false.';

const invalidFilter = (detail: string) => new ScimRefusal(400, detail, 'invalidFilter');

/** `urn:…:core:2.0:User:userName` and `USERNAME` both name `username`: attribute names are case-insensitive (RFC 7643 §2.1). */
function attributeOf(attrPath: string): string {
  const lower = attrPath.toLowerCase();
  const prefix = `${SCIM_SCHEMAS.user.toLowerCase()}:`;
  return lower.startsWith(prefix) ? lower.slice(prefix.length) : lower;
}

function stringValue(filter: Compare, attribute: string): string {
  if (typeof filter.compValue !== 'string') throw invalidFilter(`${attribute} is compared with a string, such as ${attribute} eq "ana@example.com".`);
  return filter.compValue;
}

/**
 * The selection a SCIM filter (RFC 7644 §3.4.2.2) asks for, parsed by `scim2-parse-filter`.
 * Only what identity providers send to find a user is answered; any other filter is a 400
 * `invalidFilter` naming what is, never a silently wider or narrower list.
 */
export function selectionOf(filter: string | null): UserSelection {
  if (filter === null) return { by: 'all' };
  if (filter.length > MAX_FILTER_LENGTH) throw invalidFilter(`The filter must be at most ${MAX_FILTER_LENGTH} characters.`);
  let parsed: Filter;
  try {
    parsed = parse(filter);
  } catch {
    throw invalidFilter(`The filter is not valid SCIM filter syntax (RFC 7644 §3.4.2.2). ${SUPPORTED}`);
  }
  // emails[value eq "…"]: the same comparison, written as a value path.
  if (parsed.op === '[]' && attributeOf(parsed.attrPath) === 'emails' && parsed.valFilter.op === 'eq' && attributeOf(parsed.valFilter.attrPath) === 'value') {
    return { by: 'email', email: stringValue(parsed.valFilter, 'emails.value') };
  }
  if (parsed.op !== 'eq') throw invalidFilter(SUPPORTED);
  const attribute = attributeOf(parsed.attrPath);
  switch (attribute) {
    case 'username':
    case 'emails':
    case 'emails.value':
      return { by: 'email', email: stringValue(parsed, 'userName') };
    case 'id':
      return { by: 'id', id: stringValue(parsed, 'id') };
    case 'externalid':
      stringValue(parsed, 'externalId');
      return { by: 'none' };
    case 'active':
      if (typeof parsed.compValue !== 'boolean') throw invalidFilter('active is compared with true or false.');
      return { by: 'status', active: parsed.compValue };
    default:
      throw invalidFilter(SUPPORTED);
  }
}
