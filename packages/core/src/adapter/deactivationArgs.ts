/**
 * A deactivation's arguments after the user's id, as a backend receives them: `(context)` or
 * `(input, context)` (`DeactivationArgs`). The context is always the last; the input is left for
 * the schema to judge, so a malformed one is refused as `input`.
 */
export function splitDeactivationArgs(args: readonly unknown[]): { readonly input: unknown; readonly context: unknown } {
  return args.length > 1 ? { input: args[0], context: args[1] } : { input: undefined, context: args[0] };
}
