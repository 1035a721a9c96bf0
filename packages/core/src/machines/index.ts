/**
 * `@offboard/core/machines`: the XState machines of every flow, and a `connect` for each — what a
 * view of a machine's snapshot renders (the Zag pattern): its phase, which controls exist, whether
 * each is enabled and why not, the words as `Text`, part attributes. Any binding (the React kit,
 * plain DOM) only renders a view and forwards its events. Needs the optional peer `xstate`.
 */
export { newIdempotencyKey } from './idempotencyKey';
export { menuKey, menuTriggerKey, type MenuKeyEffect, type MenuOpening } from './menuKeys';
export {
  callerContext,
  callerGateStates,
  errorOf,
  gateRefusal,
  isRefused,
  isRetryable,
  loadCaller,
  planLoadingState,
  type CallerGate,
  type CallerInput,
  type CallerState,
  type CallerPatch,
  type PlanRequest,
} from './shared';
export { controlState, controlView, partAttributes, startView, topState, type ControlOptions, type ControlState, type ControlView, type PartAttributes, type StartView } from './connect';
export {
  confirmationView,
  phoneNumbersWords,
  type ConfirmationControls,
  type ConfirmationView,
  type ConfirmationWords,
} from './confirmation';
export {
  deactivationArgs,
  initialReason,
  nextReason,
  reasonOf,
  reasonSatisfied,
  reasonView,
  SCENARIO_REASONS,
  type ReasonChoice,
  type ReasonView,
  type SetReasonEvent,
} from './reason';
export {
  DEFAULT_SCHEDULE_TIME,
  localDate,
  nextSchedule,
  openingScope,
  pendingSchedules,
  pendingScheduleView,
  scheduleHold,
  scheduleInstant,
  scheduleRefusals,
  type PendingScheduleView,
  type ScheduleDraft,
  type SetScheduleEvent,
} from './schedule';
export { changeFeedback, type ChangedEvent, type ChangeFeedback, type ChangeResult } from './changes';
export { callerView, type CallerView } from './callerView';

export { lifecycleGate, runLifecycleAction, takesReason, userLifecycleMachine } from './userLifecycle/userLifecycle.machine';
export {
  connectUserLifecycle,
  lifecycleWords,
  type LicenseView,
  type LifecyclePhase,
  type ScheduleFormView,
  type UserActionId,
  type UserActionItem,
  type UserLifecycleConnectOptions,
  type UserLifecycleSnapshot,
  type UserLifecycleView,
} from './userLifecycle/userLifecycle.connect';
export type {
  LifecycleGate,
  LifecycleAction,
  PendingLifecycleAction,
  UserLifecycleContext,
  UserLifecycleEmitted,
  UserLifecycleEvent,
  UserLifecycleInput,
} from './userLifecycle/userLifecycle.types';

export { offboardingMachine, runStep } from './offboarding/offboarding.machine';
export {
  connectOffboarding,
  type ChecklistPhase,
  type ChecklistStepView,
  type OffboardingConnectOptions,
  type OffboardingSnapshot,
  type OffboardingView,
  type StepActionView,
} from './offboarding/offboarding.connect';
export type {
  OffboardingContext,
  OffboardingEmitted,
  OffboardingEvent,
  OffboardingInput,
  RunningStep,
  StepRequest,
} from './offboarding/offboarding.types';

export {
  isContactSelected,
  loadSalespeople,
  reassignCandidates,
  reassignContactsMachine,
  reassignPreview,
  selectedCount,
  toReassignRequest,
} from './reassignContacts/reassignContacts.machine';
export {
  connectReassignContacts,
  WIZARD_STEPS,
  type ReassignContactsSnapshot,
  type ReassignContactsView,
  type ReassignPhase,
  type TargetView,
  type WizardStep,
} from './reassignContacts/reassignContacts.connect';
export type {
  ContactSelection,
  ReassignContactsContext,
  ReassignContactsEmitted,
  ReassignContactsEvent,
  ReassignContactsMachineInput,
} from './reassignContacts/reassignContacts.types';

export { runDownsizing, teamDownsizingMachine } from './teamDownsizing/teamDownsizing.machine';
export {
  connectTeamDownsizing,
  type DownsizingEntryView,
  type DownsizingPhase,
  type TeamDownsizingSnapshot,
  type TeamDownsizingView,
} from './teamDownsizing/teamDownsizing.connect';
export type {
  DownsizingOutcome,
  TeamDownsizingContext,
  TeamDownsizingEmitted,
  TeamDownsizingEvent,
  TeamDownsizingInput,
} from './teamDownsizing/teamDownsizing.types';

export { deactivatePhoneNumbers, keyedActionMachine, performKeyed } from './keyedAction/keyedAction.machine';
export {
  connectKeyedAction,
  keyedActionRefusal,
  type KeyedActionConnectOptions,
  type KeyedActionSnapshot,
  type KeyedActionView,
} from './keyedAction/keyedAction.connect';
export type {
  KeyedActionContext,
  KeyedActionEmitted,
  KeyedActionEvent,
  KeyedActionInput,
  KeyedRequest,
  KeyedResult,
} from './keyedAction/keyedAction.types';
