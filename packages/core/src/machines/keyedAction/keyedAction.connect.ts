import type { OffboardError } from '../../errors/OffboardError';
import type { Explainable } from '../../i18n/createTranslator';
import { text, type Text } from '../../i18n/text';
import { confirmationView, type ConfirmationView, type ConfirmationWords } from '../confirmation';
import { controlView, type ControlView } from '../connect';
import type { KeyedActionContext, KeyedActionEvent, KeyedRequest } from './keyedAction.types';

export interface KeyedActionSnapshot {
  readonly context: KeyedActionContext;
  matches(state: 'checking' | 'loadFailed' | 'refused' | 'confirming' | 'running' | 'failed'): boolean;
}

/** One intent's button, its confirmation when it has one, and its failure. */
export interface KeyedActionView {
  readonly control: ControlView;
  /** The confirmation of this intent while it is open (asked, running or failed); `null` otherwise. */
  readonly confirmation: ConfirmationView | null;
  /** This intent's last failure, for an intent with no confirmation; its retry sends the same request under the same key. */
  readonly error: OffboardError | null;
  retry(): void;
}

export interface KeyedActionConnectOptions {
  /** The button's `data-part`. */
  readonly part: string;
  readonly label: Text;
  /** What to say before it runs; without it, pressing the button runs it at once. */
  readonly confirm?: ConfirmationWords;
}

/** No intent at all (`null`) is the JSON `null`, never a request's. */
const sameRequest = (a: KeyedRequest | null, b: KeyedRequest) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Why no intent of this machine can act, whichever it is: the caller's standing (R6, R9), or their
 * own record unreadable for good. A list of intents (one per task) says it once, above the list.
 */
export function keyedActionRefusal(snapshot: KeyedActionSnapshot): Explainable | null {
  const loadError = snapshot.matches('loadFailed') ? snapshot.context.error : null;
  return snapshot.context.refusal ?? (loadError && !loadError.retryable ? loadError : null);
}

/**
 * The control of one intent (`request`) of a keyed-action machine: a list of tasks connects one
 * per task, and only the task in flight or failed shows busy or its failure. While the caller's
 * own record loads, the control is held; a caller without the standing (R6, R9) sees it blocked
 * with the reason.
 */
export function connectKeyedAction(
  snapshot: KeyedActionSnapshot,
  send: (event: KeyedActionEvent) => void,
  request: KeyedRequest,
  options: KeyedActionConnectOptions,
): KeyedActionView {
  const { context } = snapshot;
  const mine = sameRequest(context.request, request);
  const running = mine && snapshot.matches('running');
  const failed = mine && snapshot.matches('failed');
  const checking = snapshot.matches('checking');
  // The caller's own record could not be read: a refusal (not an active user) blocks, a transport failure holds.
  const loadError = snapshot.matches('loadFailed') ? context.error : null;
  const blockedBy = keyedActionRefusal(snapshot);
  const held = checking || loadError?.retryable ? text('common.loading') : null;
  const control = controlView(options.part, options.label, () => send({ type: options.confirm ? 'ASK' : 'START', request }), {
    blockedBy,
    held,
    busy: running,
  });
  const open = mine && (snapshot.matches('confirming') || running || failed);
  return {
    control,
    confirmation:
      options.confirm && open
        ? confirmationView(options.confirm, {
            busy: running,
            error: failed ? context.error : null,
            confirm: () => send({ type: 'CONFIRM' }),
            retry: () => send({ type: 'RETRY' }),
            cancel: () => send({ type: 'CANCEL' }),
          })
        : null,
    error: !options.confirm && failed ? context.error : null,
    retry: () => send({ type: 'RETRY' }),
  };
}
