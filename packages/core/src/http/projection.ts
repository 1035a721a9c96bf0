import * as v from 'valibot';

/**
 * The JSON text of `value` projected onto a schema, exactly what `JSON.stringify(v.parse(schema,
 * value))` gives, or `undefined` when `value` breaks the schema (then `validate` says why).
 */
export type Projection = (value: unknown) => string | undefined;

/** A value that breaks the schema: the whole projection fails. */
const INVALID = Symbol('invalid');
/** JSON text, `undefined` for a value JSON leaves out (an absent optional field), or `INVALID`. */
type Writer = (value: unknown) => string | undefined | typeof INVALID;

/** Just enough of a valibot schema or action to read its shape. */
interface Node {
  readonly kind: string;
  readonly type: string;
  readonly pipe?: readonly Node[];
  readonly entries?: Readonly<Record<string, Node>>;
  readonly item?: Node;
  readonly wrapped?: Node;
  readonly options?: readonly unknown[];
  readonly literal?: unknown;
  readonly default?: unknown;
  readonly fallback?: unknown;
  readonly requirement?: unknown;
  readonly '~run': (dataset: { typed: boolean; value: unknown }, config: object) => { issues?: unknown };
}

const SCALARS = new Set(['string', 'number', 'boolean', 'literal', 'picklist']);
/** Keys valibot would not write in the schema's order (an index-like key comes first in any object). */
const ARRAY_INDEX = /^(0|[1-9]\d*)$/;
// `Number.isFinite` is true only of a finite number: it never converts its argument.
const isJsonScalar = (option: unknown) => typeof option === 'string' || typeof option === 'boolean' || Number.isFinite(option);

/** Characters `JSON.stringify` escapes (lone surrogates included): most strings have none. */
const NEEDS_ESCAPE = /[\u0000-\u001f"\\\ud800-\udfff]/;
const stringText = (value: string) => (NEEDS_ESCAPE.test(value) ? JSON.stringify(value) : `"${value}"`);
/** A validation action only reads its config to word an issue, and the writer only asks whether there is one. */
const NO_CONFIG = {};

/**
 * A pipe's actions in the order they run. The first item of a pipe is its base schema, itself
 * piped when the pipe extends another (`v.pipe(CountSchema, v.minValue(1))`): its actions come first.
 */
function actionsOf(schema: Node): readonly Node[] {
  if (!schema.pipe) return [];
  const [base, ...actions] = schema.pipe;
  return [...actionsOf(base!), ...actions];
}

/** A node this compiler leaves to valibot: its output, as `JSON.stringify` writes it. */
function viaValibot(schema: Node): Writer {
  return (value) => {
    const result = v.safeParse(schema as unknown as v.GenericSchema, value);
    return result.success ? JSON.stringify(result.output) : INVALID;
  };
}

/**
 * Writes the source of one function per schema node. Each accepts exactly what valibot's own
 * `~run` accepts for that node (the same type tests, the same key presence rule for objects, the
 * pipe's validations in order) and writes the output valibot would build: keys in the schema's
 * order, unknown fields left behind. Property names become literals in the source, so every
 * read is a plain property load; values never do (they are passed in `constants`). What the
 * contract does not use (defaults, fallbacks, transformations, unions, records…) is valibot's.
 */
class Compiler {
  readonly functions: string[] = [];
  private count = 0;
  readonly constants: unknown[] = [stringText, NO_CONFIG];

  private constant(value: unknown): string {
    this.constants.push(value);
    return `constants[${this.constants.length - 1}]`;
  }

  /** Adds the function for `schema`, returns its name. */
  node(schema: Node): string {
    // Named before its body is written, which names the functions of the nodes inside it;
    // declarations are hoisted, so their order in the source does not matter.
    const name = `w${this.count++}`;
    this.functions.push(`function ${name}(x) {\n${this.body(schema)}\n}`);
    return name;
  }

  private body(schema: Node): string {
    const valibot = () => `return ${this.constant(viaValibot(schema))}(x);`;
    if (schema.fallback !== undefined || schema.default !== undefined) return valibot();
    const actions = actionsOf(schema).filter((item) => item.kind !== 'metadata');
    // A pipe's actions see the base's output, which is the input itself only for a scalar.
    if (actions.length > 0 && (!SCALARS.has(schema.type) || actions.some((action) => action.kind !== 'validation'))) return valibot();
    const checks = actions.map((action) => `if (${this.refuses(action)}) return INVALID;`).join('\n');
    switch (schema.type) {
      case 'string':
        return `if (typeof x !== 'string') return INVALID;\n${checks}\nreturn constants[0](x);`;
      case 'number':
        // JSON.stringify writes ±Infinity, which valibot's number accepts, as null.
        return `if (typeof x !== 'number' || x !== x) return INVALID;\n${checks}\nreturn x === Infinity || x === -Infinity ? 'null' : '' + x;`;
      case 'boolean':
        return `if (x !== true && x !== false) return INVALID;\n${checks}\nreturn x ? 'true' : 'false';`;
      case 'literal':
        if (!isJsonScalar(schema.literal)) return valibot();
        return `if (x !== ${this.constant(schema.literal)}) return INVALID;\n${checks}\nreturn ${this.constant(JSON.stringify(schema.literal))};`;
      case 'picklist':
        if (!schema.options!.every(isJsonScalar)) return valibot();
        return `if (!${this.constant(schema.options)}.includes(x)) return INVALID;\n${checks}\nreturn JSON.stringify(x);`;
      case 'null':
        return `return x === null ? 'null' : INVALID;`;
      case 'nullable':
        return `return x === null ? 'null' : ${this.node(schema.wrapped!)}(x);`;
      case 'optional':
        return `return x === undefined ? undefined : ${this.node(schema.wrapped!)}(x);`;
      case 'array': {
        const item = this.node(schema.item!);
        return [
          'if (!Array.isArray(x)) return INVALID;',
          "let text = '[';",
          'for (let index = 0; index < x.length; index++) {',
          `  const written = ${item}(x[index]);`,
          '  if (written === INVALID) return INVALID;',
          "  text += (index === 0 ? '' : ',') + (written === undefined ? 'null' : written);",
          '}',
          "return text + ']';",
        ].join('\n');
      }
      case 'object':
        return this.object(schema) ?? valibot();
      default:
        return valibot();
    }
  }

  /** The condition under which a pipe's validation action adds an issue. */
  private refuses(action: Node): string {
    if (action.type === 'integer') return '!Number.isInteger(x)';
    if (action.type === 'min_value') return `!(x >= ${this.constant(action.requirement)})`;
    if (action.type === 'max_value') return `!(x <= ${this.constant(action.requirement)})`;
    return `${this.constant(action)}['~run']({ typed: true, value: x }, constants[1]).issues`;
  }

  /** `v.object`: present keys are checked, absent ones must be optional, unknown ones stay behind. */
  private object(schema: Node): string | undefined {
    const entries = Object.entries(schema.entries!);
    const plain = entries.every(
      ([key, entry]) => !ARRAY_INDEX.test(key) && entry.default === undefined && entry.fallback === undefined && entry.type !== 'nullish' && entry.type !== 'exact_optional',
    );
    if (!plain) return undefined;
    const fields = entries.map(([key, entry]) => {
      const name = JSON.stringify(key);
      // valibot asks `key in x`; only an undefined entry can be an absent one.
      return [
        `value = x[${name}];`,
        `if (value === undefined && !(${name} in x)) ${entry.type === 'optional' ? '{}' : 'return INVALID;'}`,
        'else {',
        `  written = ${this.node(entry)}(value);`,
        '  if (written === INVALID) return INVALID;',
        `  if (written !== undefined) text += (text.length === 1 ? '' : ',') + ${JSON.stringify(`${name}:`)} + written;`,
        '}',
      ].join('\n');
    });
    return ["if (!x || typeof x !== 'object') return INVALID;", "let text = '{', value, written;", ...fields, "return text + '}';"].join('\n');
  }
}

/**
 * Compiles `schema` once into its projection; see `Projection`. Where the runtime forbids
 * compiling code (a page whose Content-Security-Policy has no 'unsafe-eval'), valibot projects
 * and `JSON.stringify` writes, as before there was a compiler: the same text, more slowly.
 */
export function compileProjection(schema: v.GenericSchema): Projection {
  const compiler = new Compiler();
  const root = compiler.node(schema as unknown as Node);
  let write: Writer;
  try {
    write = new Function('INVALID', 'constants', `'use strict';\n${compiler.functions.join('\n')}\nreturn ${root};`)(INVALID, compiler.constants) as Writer;
  } catch (error) {
    if (!(error instanceof EvalError)) throw error;
    write = viaValibot(schema as unknown as Node);
  }
  return (value) => {
    const text = write(value);
    return text === INVALID ? undefined : text;
  };
}
