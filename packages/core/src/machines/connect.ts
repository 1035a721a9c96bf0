import type { OffboardError } from '../errors/OffboardError';
import type { Explainable } from '../i18n/createTranslator';
import type { Text } from '../i18n/text';

/**
 * What every `connect` shares (the Zag pattern): a machine's snapshot in, what a view needs out —
 * its phase, which controls exist, whether each is enabled and why not, the words as message
 * keys, and part attributes — so a binding, React or plain DOM, only renders and forwards events.
 */

/** `data-part` names the element for styling; `data-state` its state, so hosts style states without forking. */
export interface PartAttributes {
  readonly 'data-part': string;
  readonly 'data-state'?: string;
}

export const partAttributes = (name: string, state?: string): PartAttributes => (state === undefined ? { 'data-part': name } : { 'data-part': name, 'data-state': state });

/**
 * A control's standing: `ready` acts; `blocked` is refused by a rule (the reason says which);
 * `held` waits for something else (data loading, another step); `busy` is doing its work.
 * Blocked and held controls stay focusable with `aria-disabled` and their reason as visible text.
 */
export type ControlState = 'ready' | 'blocked' | 'held' | 'busy';

/** The state of a control refused by `blockedBy` or waiting for `held`, else ready. */
export const controlState = (blockedBy: Explainable | null, busy = false, held: Text | null = null): ControlState =>
  busy ? 'busy' : blockedBy ? 'blocked' : held ? 'held' : 'ready';

/** One button as a view renders it: enabled, or why not in words it is described by. */
export interface ControlView {
  readonly state: ControlState;
  /** The rule that refuses it (R4, R9…), shown beside it; `null` when none does. */
  readonly blockedBy: Explainable | null;
  /** What it waits for when no rule refuses it (data loading, another step, a missing choice). */
  readonly held: Text | null;
  readonly label: Text;
  /** Does its work when `ready`; does nothing otherwise. */
  press(): void;
  readonly attributes: PartAttributes;
}

export interface ControlOptions {
  readonly blockedBy?: Explainable | null;
  readonly held?: Text | null;
  readonly busy?: boolean;
}

/** A control named `part` whose `act` runs only while nothing blocks, holds or busies it. */
export function controlView(part: string, label: Text, act: () => void, { blockedBy = null, held = null, busy = false }: ControlOptions = {}): ControlView {
  const state = controlState(blockedBy, busy, held);
  return {
    state,
    blockedBy: state === 'blocked' ? blockedBy : null,
    held: state === 'held' ? held : null,
    label,
    press: () => {
      if (state === 'ready') act();
    },
    attributes: partAttributes(part, state),
  };
}

/** The machine's top-level state: `ready` for `{ ready: 'licensed' }`. */
export const topState = (value: unknown): string => (typeof value === 'string' ? value : Object.keys(value as object)[0]!);

/**
 * How a machine's start went, as every view says it: `refusal` when the caller may not use it at
 * all (R9, R12, or the backend refused to load it: asking again will not help), `loadError` when a
 * retry may cure the load.
 */
export interface StartView {
  readonly refusal: OffboardError | null;
  readonly loadError: OffboardError | null;
  retryLoad(): void;
}

export function startView(context: { readonly refusal: OffboardError | null; readonly error: OffboardError | null }, loadFailed: boolean, send: (event: { type: 'RETRY' }) => void): StartView {
  const error = loadFailed ? context.error : null;
  return { refusal: context.refusal ?? (error && !error.retryable ? error : null), loadError: error?.retryable ? error : null, retryLoad: () => send({ type: 'RETRY' }) };
}
