import * as v from 'valibot';
import { OffboardError, type ErrorCode } from '../errors/OffboardError';

/** Issues a refusal reports at most: enough to fix a request, never a problem the size of the request. */
export const MAX_REPORTED_ISSUES = 10;

/**
 * Parses `value` or throws `code` (`VALIDATION_FAILED` for requests, `SERVER_ERROR` for a
 * response that breaks the contract) naming the offending fields by their paths. Each field stops
 * at its first issue (a list's length before its items), and at most `MAX_REPORTED_ISSUES` are
 * reported.
 */
export function validate<TSchema extends v.GenericSchema>(
  schema: TSchema,
  value: unknown,
  root: string,
  code: ErrorCode = 'VALIDATION_FAILED',
): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, value, { abortPipeEarly: true });
  if (result.success) return result.output;
  const issues = result.issues.slice(0, MAX_REPORTED_ISSUES).map((issue) => {
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
