import fc from 'fast-check';
import * as v from 'valibot';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OPERATIONS, ROUTES, type Route } from '../../src';
import { compileProjection } from '../../src/http/projection';

/** What the handler sent before the compiled projection: valibot's output, as `JSON.stringify` writes it. */
function reference(schema: v.GenericSchema, value: unknown): string | undefined {
  const result = v.safeParse(schema, value, { abortPipeEarly: true });
  return result.success ? JSON.stringify(result.output) : undefined;
}

/** Anything at all: what a broken or hostile backend might put where a field should be. */
const junk = fc.oneof(
  fc.constantFrom(undefined, null, NaN, Infinity, -Infinity, -0, 0, 1.5, 2 ** 53, '', 'x', true, false, [], {}, [1], { id: 'x' }),
  fc.string(),
  fc.integer(),
  fc.double(),
);
/** Strings JSON has to escape, and ones it does not. */
const text = fc.oneof(fc.string(), fc.constantFrom('"', '\\', '\u0000', '\u001f', '\ud800', '\udc00x', '\u2028', 'é', '😀', 'u-ana', '</script>'));
/** Fields outside the contract, among them the names JavaScript treats specially. */
const extra = fc.dictionary(fc.constantFrom('passwordHash', '__proto__', 'constructor', 'toJSON', '0', 'extra'), junk, { maxKeys: 2 });

interface Shape {
  readonly type: string;
  readonly pipe?: readonly Shape[];
  readonly requirement?: unknown;
  readonly entries?: Record<string, Shape>;
  readonly item?: Shape;
  readonly wrapped?: Shape;
  readonly options?: readonly unknown[];
  readonly literal?: unknown;
}

/** Values shaped by `schema`, mostly well formed, each part of them sometimes broken. */
function valuesOf(schema: Shape, depth = 0): fc.Arbitrary<unknown> {
  const wellFormed = ((): fc.Arbitrary<unknown> => {
    switch (schema.type) {
      case 'string':
        return text;
      case 'number': {
        // Mostly what the pipe asks for (a whole number from its minimum), sometimes anything numeric.
        const minimum = (schema.pipe ?? []).flatMap((action) => [action, ...(action.pipe ?? [])]).find((action) => action.type === 'min_value')?.requirement;
        const fitting = fc.integer({ min: typeof minimum === 'number' ? minimum : -2, max: 1_000_000 });
        const edges = fc.oneof(fc.constantFrom(0, -0, 1, 1.5, 1e21, Infinity, -Infinity, NaN, -1), fc.double());
        return fc.oneof({ arbitrary: fitting, weight: 30 }, { arbitrary: edges, weight: 1 });
      }
      case 'boolean':
        return fc.boolean();
      case 'picklist':
        return fc.constantFrom(...schema.options!);
      case 'literal':
        return fc.constant(schema.literal);
      case 'nullable':
        return fc.oneof(fc.constant(null), valuesOf(schema.wrapped!, depth));
      case 'optional':
        return fc.oneof(fc.constant(undefined), valuesOf(schema.wrapped!, depth));
      case 'array':
        return fc.array(valuesOf(schema.item!, depth + 1), { maxLength: depth > 2 ? 1 : 3 });
      case 'object': {
        const fields = Object.entries(schema.entries!).map(([key, entry]) =>
          // Mostly present; sometimes absent, which only an optional field may be.
          fc.option(valuesOf(entry, depth + 1).map((value) => [key, value] as const), { freq: 150, nil: undefined }),
        );
        return fc.tuple(fc.tuple(...fields), extra, fc.boolean()).map(([present, more, extrasFirst]) => {
          const own = Object.fromEntries(present.filter((field) => field !== undefined));
          return extrasFirst ? Object.assign(JSON.parse(JSON.stringify(more)) as object, own) : { ...own, ...more };
        });
      }
      default:
        throw new Error(`no generator for a ${schema.type} schema: add one`);
    }
  })();
  return fc.oneof({ arbitrary: wellFormed, weight: 150 }, { arbitrary: junk, weight: 1 });
}

const responses = OPERATIONS.flatMap((operation) => {
  const { response } = ROUTES[operation] as Route;
  return response ? [[operation, response] as const] : [];
});

describe('the compiled response projection', () => {
  afterEach(() => vi.unstubAllGlobals());

  for (const [operation, schema] of responses) {
    it(`${operation}: writes exactly what valibot projects, and refuses exactly what valibot refuses`, () => {
      const project = compileProjection(schema);
      let accepted = 0;
      let refused = 0;
      fc.assert(
        fc.property(valuesOf(schema as unknown as Shape), (value) => {
          const expected = reference(schema, value);
          if (expected === undefined) refused += 1;
          else accepted += 1;
          expect(project(value)).toBe(expected);
        }),
        { seed: 20_261_129, numRuns: 400 },
      );
      // Both sides of the comparison were reached, so neither agreement is vacuous.
      expect(accepted).toBeGreaterThan(20);
      expect(refused).toBeGreaterThan(20);
    });
  }

  it('keeps what valibot keeps of a field outside the contract (nothing), whatever its name', () => {
    const project = compileProjection(ROUTES.getUser.response);
    const user = { id: 'u-1', name: 'Ana', email: null, role: 'admin', status: 'active', license: null, version: 3 };
    const leaky = JSON.parse(`{"__proto__":{"admin":true},"passwordHash":"$argon2id$secret",${JSON.stringify(user).slice(1)}`) as unknown;
    expect(project(leaky)).toBe(JSON.stringify(user));
    expect(project({ ...user, version: 0 })).toBeUndefined();
  });

  it('where compiling code is forbidden (a Content-Security-Policy without unsafe-eval), valibot projects: the same text', () => {
    vi.stubGlobal('Function', function forbidden() {
      throw new EvalError('Refused to evaluate a string as JavaScript');
    });
    const schema = ROUTES.listUsers.response;
    const project = compileProjection(schema);
    fc.assert(
      fc.property(valuesOf(schema as unknown as Shape), (value) => {
        expect(project(value)).toBe(reference(schema, value));
      }),
      { seed: 7, numRuns: 100 },
    );
  });
});
