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

/** A schema whose nodes say when valibot runs them. */
interface Instrumented {
  readonly schema: v.GenericSchema;
  /** Paths of the schema nodes and pipe actions valibot ran: what the compiled writer left to it. */
  readonly ran: Set<string>;
}

/**
 * A copy of `schema` in which every schema node and pipe action records its path when valibot
 * runs it. The compiled writer reads the nodes' shape and runs none of them, so what is recorded
 * is exactly what it left to valibot.
 */
function instrument(schema: v.GenericSchema): Instrumented {
  const ran = new Set<string>();
  type Part = Record<string, unknown> & { '~run': (...args: unknown[]) => unknown };
  const copy = (part: Part, path: string): Part => {
    const twin: Part = { ...part };
    if (part.entries) twin.entries = Object.fromEntries(Object.entries(part.entries as Record<string, Part>).map(([key, entry]) => [key, copy(entry, `${path}.${key}`)]));
    if (part.item) twin.item = copy(part.item as Part, `${path}[]`);
    if (part.wrapped) twin.wrapped = copy(part.wrapped as Part, `${path}?`);
    if (part.pipe) twin.pipe = (part.pipe as Part[]).map((item, index) => copy(item, index === 0 ? `${path}.base` : `${path}|${String(item.type)}`));
    twin['~run'] = function (this: Part, ...args: unknown[]) {
      ran.add(path);
      return part['~run'].apply(this, args);
    };
    return twin;
  };
  return { schema: copy(schema as unknown as Part, '$') as unknown as v.GenericSchema, ran };
}

/** What the writer left to valibot while projecting `values`, after checking it wrote what valibot writes. */
function leftToValibot(schema: v.GenericSchema, values: readonly unknown[]): string[] {
  const { schema: watched, ran } = instrument(schema);
  const project = compileProjection(watched);
  for (const value of values) {
    const expected = reference(schema, value);
    expect(project(value), JSON.stringify(value)).toBe(expected);
  }
  return [...ran].sort();
}

describe('which schema nodes the projection compiles (the rest is valibot at run time, the same text more slowly)', () => {
  it('every response of the contract is compiled whole, except the effects record of a webhook event', () => {
    for (const [operation, schema] of responses) {
      const values = fc.sample(valuesOf(schema as unknown as Shape), { seed: 11, numRuns: 200 }).filter((value) => reference(schema, value) !== undefined);
      expect(values.length, operation).toBeGreaterThan(2);
      const left = leftToValibot(schema, values);
      expect(left.filter((path) => !/\.effects$/.test(path)), operation).toEqual([]);
    }
  });

  const compiled: [string, v.GenericSchema, unknown[]][] = [
    ['a string', v.string(), ['a', 1, 'é"\\']],
    ['a number (±Infinity written as null)', v.number(), [1, -0, Infinity, NaN, '1']],
    ['a boolean', v.boolean(), [true, false, 0]],
    ['a string literal', v.literal('a'), ['a', 'b']],
    ['a number literal', v.literal(1), [1, 2]],
    ['a boolean literal', v.literal(true), [true, false]],
    ['a picklist of strings', v.picklist(['a', 'b']), ['a', 'c']],
    ['a picklist of numbers', v.picklist([1, 2]), [1, 2, 3]],
    ['null', v.null(), [null, undefined, 0]],
    ['a nullable', v.nullable(v.string()), [null, 'a', 1]],
    ['an array', v.array(v.number()), [[1, 2], [], [1, 'a'], 'a']],
    ['an object with an optional field', v.object({ a: v.string(), b: v.optional(v.number()) }), [{ a: 'x' }, { b: 1, a: 'x', c: 2 }, { a: 1 }, { b: 1 }, null]],
    ['an object whose keys only look like indexes', v.object({ a0: v.string(), '0a': v.string(), '01': v.string() }), [{ a0: 'x', '0a': 'y', '01': 'z' }]],
    ['a string with a description', v.pipe(v.string(), v.description('d')), ['ab', 1]],
    ['a number with integer, min and max (read without running them)', v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(9)), [1, 9, 0, 10, 1.5]],
    ['a pipe extending a pipe, its base actions first', v.pipe(v.pipe(v.number(), v.minValue(1)), v.maxValue(5)), [0, 3, 6]],
  ];
  for (const [name, schema, values] of compiled) {
    it(`compiles ${name}`, () => {
      expect(leftToValibot(schema, values)).toEqual([]);
    });
  }

  it('runs a validation it has no condition for through valibot, after the base type check it compiled', () => {
    expect(leftToValibot(v.pipe(v.string(), v.maxLength(2)), ['ab', 'abc', 1])).toEqual(['$|max_length']);
    expect(leftToValibot(v.pipe(v.boolean(), v.check((x) => x)), [true, false])).toEqual(['$|check']);
    expect(leftToValibot(v.pipe(v.literal('a'), v.check((x) => x === 'a')), ['a'])).toEqual(['$|check']);
    expect(leftToValibot(v.pipe(v.picklist(['a', 'b']), v.check((x) => x === 'a')), ['a', 'b'])).toEqual(['$|check']);
  });

  const left: [string, v.GenericSchema, unknown[]][] = [
    ['a transformation in a pipe', v.pipe(v.string(), v.trim()), [' a ']],
    ['a transformation after a validation', v.pipe(v.string(), v.maxLength(5), v.trim()), [' a ', ' abcdef ']],
    ['a validation of something not a scalar', v.pipe(v.array(v.string()), v.minLength(1)), [['a'], []]],
    ['a default', v.optional(v.string(), 'x'), [undefined, 'a']],
    ['a fallback', v.fallback(v.string(), 'x'), [1, 'a']],
    ['a literal JSON cannot write', v.literal(Infinity), [Infinity, 1]],
    ['a picklist JSON cannot write', v.picklist(['a', Infinity]), ['a', Infinity]],
    ['a union', v.union([v.string(), v.number()]), ['a', 1]],
    ['an object keyed like an array', v.object({ a: v.string(), '0': v.string() }), [{ a: 'x', '0': 'y' }]],
    ['an object keyed by a long index', v.object({ '123': v.string() }), [{ '123': 'y' }]],
    ['an object with a default in a field', v.object({ a: v.string(), b: v.optional(v.string(), 'x') }), [{ a: 'y' }]],
    ['an object with a fallback in a field', v.object({ a: v.fallback(v.string(), 'x') }), [{ a: 1 }]],
    ['an object with a nullish field', v.object({ a: v.nullish(v.string()) }), [{ a: null }, {}]],
    ['an object with an exactly optional field', v.object({ a: v.exactOptional(v.string()) }), [{ a: 'x' }, {}]],
  ];
  for (const [name, schema, values] of left) {
    it(`leaves ${name} to valibot, whole`, () => {
      expect(leftToValibot(schema, values)).toContain('$');
    });
  }

  it('throws what compiling throws unless it is the refusal to evaluate code', () => {
    vi.stubGlobal('Function', function broken() {
      throw new TypeError('not a refusal');
    });
    expect(() => compileProjection(v.string())).toThrow(TypeError);
    vi.unstubAllGlobals();
  });
});
