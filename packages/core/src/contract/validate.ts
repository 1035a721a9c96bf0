import * as v from 'valibot';
import { OffboardError } from '../errors/OffboardError';

/** Parses `value` or throws `VALIDATION_FAILED` naming each offending field by its path. */
export function validate<TSchema extends v.GenericSchema>(
  schema: TSchema,
  value: unknown,
  root: string,
): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  const issues = result.issues.map((issue) => {
    const path = v.getDotPath(issue);
    return { path: path ? `${root}.${path}` : root, message: issue.message };
  });
  const first = issues[0]!;
  throw new OffboardError('VALIDATION_FAILED', { field: first.path, issues }, `${first.path} ${first.message}`);
}
