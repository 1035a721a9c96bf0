import type { User } from '../../domain/types';
import type { OffboardError } from '../../errors/OffboardError';
import type { Explainable } from '../../i18n/createTranslator';
import { text, type Text } from '../../i18n/text';
import type { OffboardingPlan, PlanStep, StepId, StepStatus } from '../../rules/plan';
import { confirmationView, phoneNumbersWords, type ConfirmationView, type ConfirmationWords } from '../confirmation';
import { controlView, partAttributes, startView, topState, type ControlView, type PartAttributes, type StartView } from '../connect';
import { reassignCandidates } from '../reassignContacts/reassignContacts.machine';
import { pendingScheduleView, type PendingScheduleView } from '../schedule';
import { lifecycleWords } from '../userLifecycle/userLifecycle.connect';
import type { OffboardingContext, OffboardingEvent, StepRequest } from './offboarding.types';

export type ChecklistPhase = 'loading' | 'loadFailed' | 'refused' | 'ready' | 'complete' | 'confirming' | 'running' | 'failed';

export interface OffboardingSnapshot {
  readonly context: OffboardingContext;
  readonly value: unknown;
  matches(state: { ready: 'complete' }): boolean;
}

type PhoneNumbers = readonly { readonly id: string; readonly number: string }[];

/** The control that performs a step: offered while it is pending, kept inert and explained while blocked. */
export interface StepActionView {
  /** `hand-over` gives contacts or tasks to a salesperson (steps 1–2); `take-away` confirms its effects first (steps 3–5). */
  readonly kind: 'hand-over' | 'take-away';
  /** R5: who may receive a hand-over (active salespeople other than the user); `null` while they load. */
  readonly candidates: readonly User[] | null;
  /** Step 1 may instead open the host's reassignment wizard ("Choose contacts…"). */
  readonly choosesContacts: boolean;
  /**
   * The step's button; a hand-over gives to `target`, the salesperson the user chose. Nobody is
   * chosen for them: until one of `candidates` is, the button is held and says so.
   */
  control(target?: string | null): ControlView;
}

export interface ChecklistStepView {
  readonly id: StepId;
  readonly number: number;
  readonly numberLabel: Text;
  readonly title: Text;
  readonly status: StepStatus;
  readonly statusLabel: Text;
  /** Why it is as it is, said beside it; `null` for a blocked step, whose button says why. */
  readonly reason: Explainable | null;
  /** R4: the numbers that keep step 3 pending. */
  readonly phoneNumbers: PhoneNumbers;
  readonly running: boolean;
  readonly action: StepActionView | null;
  /** This step's failure: `retry` resends the same request under the same key (R11), `dismiss` gives it up. */
  readonly error: OffboardError | null;
  retry(): void;
  dismiss(): void;
  /** R15: the pending scheduled deactivation this step would do by hand (steps 4 and 5), with its Cancel. */
  readonly schedule: PendingScheduleView | null;
  readonly attributes: PartAttributes;
}

export interface OffboardingView extends StartView {
  readonly phase: ChecklistPhase;
  /** The plan's user, once loaded. */
  readonly user: User | null;
  readonly title: Text | null;
  readonly scenarioLabel: Text | null;
  readonly steps: readonly ChecklistStepView[];
  /** "Every step is done." once nothing is left. */
  readonly completeLabel: Text | null;
  /** A pending step hands contacts or tasks over: the view loads the salespeople for it. */
  readonly needsSalespeople: boolean;
  /** The steps this session completed, in order: a view puts focus back on the last. */
  readonly completed: readonly StepId[];
  /** A step that takes something away, waiting for CONFIRM, with the numbers step 3 deactivates. */
  readonly confirmation: (ConfirmationView & { readonly step: StepId; readonly phoneNumbers: PhoneNumbers }) | null;
}

export interface OffboardingConnectOptions {
  /** Every salesperson (the core's `loadSalespeople`), or `undefined` while they load. */
  readonly salespeople: readonly User[] | undefined;
  /** The host offers its reassignment wizard from step 1. */
  readonly offersWizard?: boolean;
}

const OWN_PHASES: readonly string[] = ['refused', 'loadFailed', 'confirming', 'running', 'failed'];

function phaseOf(snapshot: OffboardingSnapshot): ChecklistPhase {
  const top = topState(snapshot.value);
  if (OWN_PHASES.includes(top)) return top as ChecklistPhase;
  if (snapshot.context.plan === null) return 'loading';
  return snapshot.matches({ ready: 'complete' }) ? 'complete' : 'ready';
}

const numbersOf = (plan: OffboardingPlan): PhoneNumbers => plan.lastLicenseInCountry?.activePhoneNumbers ?? [];

/** What confirming a step that takes something away says: the plan's effects, or the numbers of R4's way out. */
function takeAwayWords(plan: OffboardingPlan, step: StepId): ConfirmationWords {
  if (step === 'deactivate-license') return lifecycleWords(plan, { type: 'deactivateLicense' });
  if (step === 'deactivate-user') return lifecycleWords(plan, { type: 'deactivateUser' });
  return phoneNumbersWords(plan.lastLicenseInCountry?.country ?? '', numbersOf(plan).length);
}

/** Steps 4 and 5 show the pending schedule of their scope: it would do the same, later. */
function scheduleOf(plan: OffboardingPlan, step: StepId): PendingScheduleView | null {
  const schedule = step === 'deactivate-license' ? plan.scheduled.license : step === 'deactivate-user' ? plan.scheduled.user : null;
  return schedule ? pendingScheduleView(schedule) : null;
}

/**
 * Why a blocked step is blocked, said once: R4's refusal belongs to step 3, which shows it with the
 * numbers; the steps it holds back point to it instead of repeating it.
 */
function blockedReason(plan: OffboardingPlan, step: PlanStep): Explainable | null {
  const phoneStep = plan.steps.find((each) => each.id === 'check-phone-numbers');
  if (step.reason?.code === 'LAST_LICENSE_IN_COUNTRY' && phoneStep?.status === 'pending') {
    return { code: 'AFTER_STEP', details: { step: phoneStep.id, number: phoneStep.number } };
  }
  return step.reason;
}

function actionOf(
  plan: OffboardingPlan,
  step: PlanStep,
  send: (event: OffboardingEvent) => void,
  state: { readonly busy: boolean; readonly held: Text | null },
  options: OffboardingConnectOptions,
): StepActionView | null {
  if (step.status !== 'pending' && step.status !== 'blocked') return null;
  const blockedBy = step.status === 'blocked' ? blockedReason(plan, step) : null;
  const id = step.id;
  if (id === 'reassign-contacts' || id === 'transfer-tasks') {
    const candidates = options.salespeople ? reassignCandidates(options.salespeople, plan.user.id) : null;
    const label = text(`checklist.action.${id}`, { count: id === 'reassign-contacts' ? plan.contacts : plan.openTasks });
    return {
      kind: 'hand-over',
      candidates,
      choosesContacts: id === 'reassign-contacts' && options.offersWizard === true && blockedBy === null,
      control: (chosen) => {
        // R5: only a candidate receives; a choice that is no longer one (they left meanwhile) is no choice.
        const target = chosen && candidates?.some((candidate) => candidate.id === chosen) ? chosen : null;
        const request: StepRequest | null = target === null ? null : id === 'reassign-contacts' ? { step: id, toUserIds: [target] } : { step: id, toUserId: target };
        // The plan already blocks the step when no salesperson could receive: no list is one still loading.
        const waiting = candidates === null ? text('checklist.hold.loadingSalespeople') : text('checklist.hold.chooseSalesperson');
        const held = state.held ?? (request ? null : waiting);
        return controlView('run-step', label, () => send({ type: 'RUN_STEP', request: request! }), { blockedBy, held: blockedBy ? null : held, busy: state.busy });
      },
    };
  }
  const label = text(`checklist.action.${id}`, { count: numbersOf(plan).length });
  return {
    kind: 'take-away',
    candidates: null,
    choosesContacts: false,
    control: () => controlView('run-step', label, () => send({ type: 'ASK_STEP', request: { step: id } }), { blockedBy, held: state.held, busy: state.busy }),
  };
}

/**
 * The R8 checklist as a view: each step with its status, its reason in words and the control that
 * performs it; one step at a time (while a step runs or awaits its retry, the others are held and
 * say which step they wait for); a step that takes something away confirms its effects first.
 */
export function connectOffboarding(snapshot: OffboardingSnapshot, send: (event: OffboardingEvent) => void, options: OffboardingConnectOptions): OffboardingView {
  const { context } = snapshot;
  const phase = phaseOf(snapshot);
  const plan = context.plan;
  const error = context.error;
  const base = {
    phase,
    user: plan?.user ?? null,
    // R12: another user's checklist is admin-only. Without a plan there is no step to show a failure
    // on, so it is the start's: a step resumed after a reload runs, and may fail, before any plan is read.
    ...startView(context, phase === 'loadFailed' || plan === null, send),
    completed: context.completed,
  };
  if (!plan) return { ...base, title: null, scenarioLabel: null, steps: [], completeLabel: null, needsSalespeople: false, confirmation: null };

  // The step in flight or awaiting its retry: the machine keeps its request through a failure.
  const failed = phase === 'failed';
  const current = phase === 'running' || failed ? context.running?.request.step : undefined;
  const currentNumber = plan.steps.find((step) => step.id === current)?.number;
  const hold = currentNumber === undefined ? null : text(failed ? 'checklist.hold.failed' : 'checklist.hold.running', { number: currentNumber });

  const steps = plan.steps.map((step): ChecklistStepView => {
    const running = !failed && step.id === current;
    return {
      id: step.id,
      number: step.number,
      numberLabel: text('checklist.step', { number: step.number }),
      title: text(`steps.${step.id}`),
      status: step.status,
      statusLabel: text(`stepStatus.${step.status}`),
      reason: step.status === 'blocked' ? null : step.reason,
      phoneNumbers: step.id === 'check-phone-numbers' && step.status === 'pending' ? (step.reason?.details.phoneNumbers ?? []) : [],
      running,
      action: actionOf(plan, step, send, { busy: running, held: running ? null : hold }, options),
      error: failed && step.id === current ? error : null,
      retry: () => send({ type: 'RETRY' }),
      dismiss: () => send({ type: 'DISMISS' }),
      schedule: scheduleOf(plan, step.id),
      attributes: partAttributes('checklist-step', running ? 'running' : step.status),
    };
  });

  const asking = phase === 'confirming' ? context.asking : null;
  return {
    ...base,
    title: text('checklist.title', { name: plan.user.name }),
    scenarioLabel: text('checklist.scenario', { scenario: plan.scenario }),
    steps,
    completeLabel: phase === 'complete' ? text('checklist.complete') : null,
    needsSalespeople: steps.some((step) => step.action?.kind === 'hand-over' && step.status === 'pending'),
    confirmation: asking
      ? {
          ...confirmationView(takeAwayWords(plan, asking.step), {
            busy: false,
            error: null,
            confirm: () => send({ type: 'CONFIRM' }),
            retry: () => send({ type: 'CONFIRM' }),
            cancel: () => send({ type: 'CANCEL' }),
            ...(asking.step === 'deactivate-license' || asking.step === 'deactivate-user'
              ? { reason: { choice: context.reason, required: context.requireReason, send } }
              : {}),
          }),
          step: asking.step,
          phoneNumbers: asking.step === 'check-phone-numbers' ? numbersOf(plan) : [],
        }
      : null,
  };
}
