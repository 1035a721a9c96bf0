import type * as v from 'valibot';
import { invalidField } from './validate';

/**
 * The one encoding of typed queries in URLs. Strings go as they are, numbers in decimal,
 * booleans as `true` / `false`; `null` and `undefined` are left out, so a `null` cursor (first
 * page) and an absent one are the same request. A name may appear once.
 */
export function encodeQuery(query: Readonly<Record<string, unknown>>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) params.append(name, String(value));
  }
  const encoded = params.toString();
  return encoded ? `?${encoded}` : '';
}

/** Just enough of a valibot schema to see which type a query field expects. */
interface SchemaShape {
  readonly type: string;
  readonly wrapped?: SchemaShape;
  readonly entries?: Readonly<Record<string, SchemaShape>>;
}

function expectedType(schema: v.GenericSchema, name: string): string | undefined {
  let field = (schema as unknown as SchemaShape).entries?.[name];
  while (field?.wrapped) field = field.wrapped;
  return field?.type;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

function decodeValue(type: string | undefined, raw: string): unknown {
  if (type === 'boolean' && (raw === 'true' || raw === 'false')) return raw === 'true';
  if (type === 'number' && DECIMAL.test(raw)) return Number(raw);
  // Anything else stays a string, so the schema refuses it with its own words ("must be a number").
  return raw;
}

/**
 * Turns a query string into the object `schema` validates, typed by the field each name targets.
 * Unknown names stay in, so the strict schema refuses them like unknown body fields.
 */
export function decodeQuery(schema: v.GenericSchema, params: URLSearchParams): Record<string, unknown> {
  const fields = [...new Set(params.keys())].map((name) => {
    const values = params.getAll(name);
    if (values.length > 1) throw invalidField(`query.${name}`, 'must be given once');
    return [name, decodeValue(expectedType(schema, name), values[0]!)] as const;
  });
  // fromEntries defines own properties, so even `?__proto__=` reaches the schema and is refused.
  return Object.fromEntries(fields);
}
