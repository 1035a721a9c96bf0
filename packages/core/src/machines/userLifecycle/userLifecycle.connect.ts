import { hasActiveLicense, type SeatUsage, type User } from '../../domain/types';
import type { Explainable } from '../../i18n/createTranslator';
import { text, type Text } from '../../i18n/text';
import { effectLines } from '../../rules/effects';
import type { OffboardingPlan } from '../../rules/plan';
import type { ScheduleScope } from '../../domain/schedules';
import { confirmationView, type ConfirmationControls, type ConfirmationView, type ConfirmationWords } from '../confirmation';
import { controlState, controlView, partAttributes, startView, topState, type ControlView, type PartAttributes, type StartView } from '../connect';
import { localDate, openingScope, pendingSchedules, scheduleHold, scheduleInstant, scheduleRefusals, type PendingScheduleView } from '../schedule';
import { takesReason } from './userLifecycle.machine';
import type { LifecycleAction, UserLifecycleContext, UserLifecycleEvent } from './userLifecycle.types';

/** The states a view renders by. */
export type LifecyclePhase = 'loading' | 'loadFailed' | 'refused' | 'ready' | 'confirming' | 'submitting' | 'failed';

/** What `connectUserLifecycle` reads of a snapshot: any XState snapshot of `userLifecycleMachine`. */
export interface UserLifecycleSnapshot {
  readonly context: UserLifecycleContext;
  readonly value: unknown;
}

export type UserActionId = 'manage-license' | 'reassign-contacts' | 'start-offboarding' | 'show-history' | 'deactivate-user' | 'schedule-deactivation' | 'activate-user';

export interface UserActionItem {
  readonly id: UserActionId;
  readonly label: Text;
  /** The rule that refuses it now (R4, R9…), shown beside it; `null` when it may be chosen. */
  readonly blockedBy: Explainable | null;
  /**
   * What choosing it does in the core: opens the confirmation. `null` for the items the host
   * opens itself (the license dialog, the wizard, the checklist) and for blocked items.
   */
  readonly select: (() => void) | null;
  /** Whether choosing it opens a dialog (the confirmation, the license dialog), which takes focus from the menu. */
  readonly opensDialog: boolean;
  /** A separator goes before it: actions on the user's access stand apart. */
  readonly separated: boolean;
  readonly attributes: PartAttributes & { readonly 'data-action': UserActionId };
}

/** The license of the user as the license dialog shows it, and its one action (R2 or R7). */
export interface LicenseView {
  readonly status: 'active' | 'inactive' | 'none';
  /** The license's country, or the previous one of an inactive license. */
  readonly country: string | null;
  /** `null` when the caller may not read seats (R12). */
  readonly seats: SeatUsage | null;
  /** R2: offered while the user holds an active license; blocked with the rule's reason (R4, R9). */
  readonly deactivate: ControlView | null;
  /** R15: "Deactivate on a date…" for the license, beside `deactivate`; blocked by what the backend refuses now (a pending one). */
  readonly schedule: ControlView | null;
  /**
   * R7: the assign control for the chosen country, offered while the user holds no active license.
   * With no country to choose yet it is held: `loading` says whether the choices are still coming.
   */
  readonly assign: ((country: string | null, loading: boolean) => ControlView) | null;
  /** R4's way out, beside its refusal: the country and its active numbers. */
  readonly lastLicense: { readonly country: string; readonly phoneNumbers: readonly { readonly id: string; readonly number: string }[] } | null;
}

export interface UserLifecycleView extends StartView {
  readonly phase: LifecyclePhase;
  /** The user as the plan has them once loaded, else as given. */
  readonly user: User;
  /** The menu button's accessible name: "Actions for Elena Torres". */
  readonly triggerLabel: Text;
  /** Whether the items are known: the plan arrived, or the caller was refused outright. */
  readonly settled: boolean;
  readonly items: readonly UserActionItem[];
  /** The license dialog's content, once the plan is here. */
  readonly license: LicenseView | null;
  /** The confirmation of the chosen action, while it is confirmed, submitted or retried. */
  readonly confirmation: ConfirmationView | null;
  /** R15: the form of "Deactivate on a date…" while it is open (then `confirmation` is `null`). */
  readonly schedule: ScheduleFormView | null;
  /** R15: the user's pending schedules (the plan's `scheduled`), each with its Cancel. */
  readonly scheduled: readonly PendingScheduleView[];
  readonly attributes: PartAttributes;
}

/**
 * "Deactivate on a date…" as a form: what (license or user), a native date and time in the
 * viewer's time zone, the reason, and a confirmation held until the instant is in the future.
 */
export interface ScheduleFormView {
  readonly scope: {
    readonly legend: Text;
    readonly options: readonly { readonly value: ScheduleScope; readonly label: Text; readonly checked: boolean; readonly blockedBy: Explainable | null; select(): void }[];
  };
  /** `value` as `YYYY-MM-DD`; `min` today, in the viewer's time zone. */
  readonly date: { readonly label: Text; readonly value: string; readonly min: string; set(value: string): void };
  /** `value` as `HH:MM`. */
  readonly time: { readonly label: Text; readonly value: string; set(value: string): void };
  /** Which time zone the fields are in, by its IANA name. */
  readonly zone: Text;
  /** "Runs on 1 Dec 2026, 09:00 CET." once the fields name an instant. */
  readonly when: Text | null;
  /** Inert while sent or waiting for a retry, which sends the same instant. */
  readonly locked: boolean;
  readonly confirmation: ConfirmationView;
}

export interface UserLifecycleConnectOptions {
  /** The user as the host knows them (a row of a list), shown until the plan arrives. */
  readonly user: User;
  /** Which of the items the host opens it offers: without a handler, an item is left out. */
  readonly offers?: {
    readonly reassignContacts?: boolean;
    readonly startOffboarding?: boolean;
    /** The user's kept history and audit entries (`UserHistory`; admin-only, R12, like every item here). */
    readonly showHistory?: boolean;
    /** R15: the binding renders `schedule` (the form of "Deactivate on a date…"). @default true */
    readonly scheduleDeactivation?: boolean;
  };
}

const OWN_PHASES: readonly string[] = ['refused', 'loadFailed', 'confirming', 'submitting', 'failed', 'ready'];

/** checking, judging and loading are all "loading" to a view. */
function phaseOf(snapshot: UserLifecycleSnapshot): LifecyclePhase {
  const top = topState(snapshot.value);
  return OWN_PHASES.includes(top) ? (top as LifecyclePhase) : 'loading';
}

const TONES = { deactivateUser: 'danger', deactivateLicense: 'danger', reactivateUser: 'default', assignLicense: 'default', scheduleDeactivation: 'danger' } as const;

/** The words and effects of confirming `action`, all taken from the plan (R2, R3, R7; R15: what the scheduled scope would do now). */
export function lifecycleWords(plan: OffboardingPlan, action: LifecycleAction, scope: ScheduleScope = 'user'): ConfirmationWords {
  const key = action.type;
  const name = plan.user.name;
  const preview = plan.effects[key === 'scheduleDeactivation' ? (scope === 'license' ? 'deactivateLicense' : 'deactivateUser') : key];
  return {
    title: text(`confirm.${key}.title`, { name }),
    description: text(`confirm.${key}.description`, { name, ...(action.type === 'assignLicense' ? { country: action.country } : {}) }),
    confirmLabel: text(`confirm.${key}.action`),
    tone: TONES[key],
    effects: preview ? effectLines(preview, name) : [],
  };
}

function licenseOf(plan: OffboardingPlan, send: (event: UserLifecycleEvent) => void): LicenseView {
  const { user, refusals } = plan;
  const scheduling = scheduleRefusals(plan);
  const active = hasActiveLicense(user);
  const lastLicense = refusals.deactivateLicense?.code === 'LAST_LICENSE_IN_COUNTRY' ? plan.lastLicenseInCountry : null;
  return {
    status: user.license ? user.license.status : 'none',
    country: user.license?.country ?? null,
    seats: plan.seats,
    deactivate: active
      ? controlView('deactivate-license', text('license.deactivate'), () => send({ type: 'DEACTIVATE_LICENSE' }), { blockedBy: refusals.deactivateLicense })
      : null,
    schedule: active
      ? controlView('schedule-deactivation', text('license.schedule'), () => send({ type: 'SCHEDULE_DEACTIVATION', scope: 'license' }), { blockedBy: scheduling.license })
      : null,
    assign: active
      ? null
      : (country, loading) =>
          controlView('assign-license', text('license.assign'), () => send({ type: 'ASSIGN_LICENSE', country: country! }), {
            blockedBy: refusals.assignLicense,
            held: country ? null : text(loading ? 'license.hold.loading' : 'license.hold.none'),
          }),
    lastLicense: lastLicense ? { country: lastLicense.country, phoneNumbers: lastLicense.activePhoneNumbers } : null,
  };
}

/**
 * The lifecycle machine as a view of one user's actions: the menu's items (each enabled or blocked
 * with the rule's reason), the license dialog's action, the confirmation with its effects, and the
 * load and retry around them. A caller the rules refuse outright (R9, R12) sees every item blocked
 * by that refusal, and nothing was read for them.
 */
export function connectUserLifecycle(snapshot: UserLifecycleSnapshot, send: (event: UserLifecycleEvent) => void, options: UserLifecycleConnectOptions): UserLifecycleView {
  const { context } = snapshot;
  const phase = phaseOf(snapshot);
  const plan = context.plan;
  const user = plan?.user ?? options.user;
  // A refusal that asking again will not change is the answer for every item: the caller's, or the load's.
  const start = startView(context, phase === 'loadFailed', send);
  const everything = start.refusal;
  const settled = plan !== null || everything !== null;
  const item = (id: UserActionId, label: Text, blockedBy: Explainable | null, select: (() => void) | null, opensDialog: boolean, separated = false): UserActionItem => {
    const refusal = everything ?? blockedBy;
    return {
      id,
      label,
      blockedBy: refusal,
      select: refusal ? null : select,
      opensDialog: refusal === null && opensDialog,
      separated,
      attributes: { ...partAttributes('menu-item', controlState(refusal)), 'data-action': id },
    };
  };
  // R3: an inactive user can only be activated (R7); the machine routed there from the plan.
  const inactive = plan ? plan.user.status === 'inactive' : user.status === 'inactive';
  const items: UserActionItem[] = settled
    ? [
        item('manage-license', text('menu.manageLicense'), null, null, true),
        ...(options.offers?.reassignContacts ? [item('reassign-contacts', text('menu.reassignContacts'), plan?.refusals.reassignContacts ?? null, null, false)] : []),
        ...(options.offers?.startOffboarding ? [item('start-offboarding', text('menu.startOffboarding'), null, null, false)] : []),
        ...(options.offers?.showHistory ? [item('show-history', text('users.history'), null, null, false)] : []),
        inactive
          ? item('activate-user', text('menu.activateUser'), plan?.refusals.reactivateUser ?? null, () => send({ type: 'REACTIVATE_USER' }), true, true)
          : item('deactivate-user', text('menu.deactivateUser'), plan?.refusals.deactivateUser ?? null, () => send({ type: 'DEACTIVATE_USER' }), true, true),
        ...(inactive || !plan || options.offers?.scheduleDeactivation === false ? [] : [scheduleItem(plan)]),
      ]
    : [];
  // R15: open on the user when it can be scheduled, else on the license; blocked by the user's refusal when neither can.
  function scheduleItem(plan: OffboardingPlan): UserActionItem {
    const scope = openingScope(plan, 'user');
    return item('schedule-deactivation', text('menu.scheduleDeactivation'), scope ? null : scheduleRefusals(plan).user, scope && (() => send({ type: 'SCHEDULE_DEACTIVATION', scope })), true);
  }
  // The machine holds `pending` exactly while the action is confirmed, submitted or retried, and only with a plan.
  const confirming = plan !== null && context.pending !== null;
  const controls: ConfirmationControls = {
    busy: phase === 'submitting',
    error: phase === 'failed' ? context.error : null,
    confirm: () => send({ type: 'CONFIRM' }),
    retry: () => send({ type: 'RETRY' }),
    cancel: () => send({ type: 'CANCEL' }),
    ...(takesReason(context.pending) ? { reason: { choice: context.reason, required: context.requireReason, send } } : {}),
  };
  const draft = confirming ? context.schedule : null;
  return {
    phase,
    user,
    triggerLabel: text('menu.trigger', { name: user.name }),
    settled,
    ...start,
    refusal: plan ? null : everything,
    items,
    license: plan ? licenseOf(plan, send) : null,
    confirmation: confirming && !draft ? confirmationView(lifecycleWords(plan, context.pending!), controls) : null,
    schedule: draft ? scheduleForm(plan!, context, controls, send) : null,
    scheduled: plan ? pendingSchedules(plan) : [],
    attributes: partAttributes('menu', plan ? 'ready' : everything ? 'refused' : phase),
  };
}

function scheduleForm(
  plan: OffboardingPlan,
  context: UserLifecycleContext,
  controls: ConfirmationControls,
  send: (event: UserLifecycleEvent) => void,
): ScheduleFormView {
  const draft = context.schedule!;
  const now = context.now();
  const at = scheduleInstant(draft);
  const refusals = scheduleRefusals(plan);
  const locked = controls.busy || (controls.error?.retryable ?? false);
  const edit = (patch: { scope?: ScheduleScope; date?: string; time?: string }) => {
    if (!locked) send({ type: 'SET_SCHEDULE', ...patch });
  };
  return {
    scope: {
      legend: text('schedule.scope'),
      options: (['license', 'user'] as const).map((value) => ({
        value,
        label: text(`schedule.scope.${value}`),
        checked: draft.scope === value,
        blockedBy: refusals[value],
        select: () => {
          if (refusals[value] === null) edit({ scope: value });
        },
      })),
    },
    date: { label: text('schedule.date'), value: draft.date, min: localDate(now), set: (date) => edit({ date }) },
    time: { label: text('schedule.time'), value: draft.time, set: (time) => edit({ time }) },
    zone: text('schedule.zone', { zone: Intl.DateTimeFormat().resolvedOptions().timeZone }),
    when: at ? text('schedule.when', { at: at.toISOString() }) : null,
    locked,
    confirmation: confirmationView(lifecycleWords(plan, { type: 'scheduleDeactivation' }, draft.scope), { ...controls, held: scheduleHold(draft, now) }),
  };
}
