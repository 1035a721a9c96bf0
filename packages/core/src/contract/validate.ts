import * as v from 'valibot';
import { OffboardError, type ErrorCode } from '../errors/OffboardError';

/**
 * Parses `value` or throws `code` (`VALIDATION_FAILED` for requests, `SERVER_ERROR` for a
 * response that breaks the contract) naming each offending field by its path.
 */
export function validate<TSchema extends v.GenericSchema>(
  schema: TSchema,
  value: unknown,
  root: string,
  code: ErrorCode = 'VALIDATION_FAILED',
): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  const issues = result.issues.map((issue) => {
    const path = v.getDotPath(issue);
    return { path: path ? `${root}.${path}` : root, message: issue.message };
  });
  const first = issues[0]!;
  throw new OffboardError(code, { field: first.path, issues }, `${first.path} ${first.message}`);
}

/** The same `VALIDATION_FAILED` shape for checks no schema can express (sizes, JSON syntax, repeats). */
export function invalidField(field: string, message: string, details: Record<string, unknown> = {}): OffboardError {
  return new OffboardError('VALIDATION_FAILED', { ...details, field, issues: [{ path: field, message }] }, `${field} ${message}`);
}
