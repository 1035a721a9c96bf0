import { OffboardError } from '../../src/errors/OffboardError';

/** The refusal a synchronous check throws (a schema's `validate`, a header's parse); anything else fails the test. */
export const refusalOf = (run: () => unknown): OffboardError => {
  try {
    run();
  } catch (error) {
    if (error instanceof OffboardError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};
