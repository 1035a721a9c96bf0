import * as v from 'valibot';
import { ERROR_CODES } from '../errors/OffboardError';
import { PLAN_REASON_CODES, SCENARIOS, STEP_IDS, type StepStatus } from '../rules/plan';
import { CountSchema as Count, ErrorDetailsSchema, ScheduledDeactivationSchema, SeatUsageSchema, TextSchema as Text, UserSchema } from './responses';

/** The R8 plan as it crosses HTTP: reasons travel as data (code, message, details). */

const Ref = v.object({ id: Text, name: Text });
const STEP_STATUSES = ['done', 'pending', 'blocked', 'not-applicable'] as const satisfies readonly StepStatus[];

export const ReasonSchema = v.object({
  code: v.picklist([...ERROR_CODES, ...PLAN_REASON_CODES], 'must be a reason code'),
  message: Text,
  details: ErrorDetailsSchema,
});

const Refusal = v.nullable(ReasonSchema);

const Flag = v.boolean('must be a boolean');

export const EffectPreviewSchema = v.object({
  contactsOrphaned: Count,
  contactsMoved: Count,
  tasksMadeTransferable: Count,
  tasksMoved: Count,
  tasksNoLongerTransferable: Count,
  salesBrainsLeft: v.array(Ref, 'must be a list'),
  seatsFreed: Count,
  seatsAfter: v.nullable(v.object({ used: Count, total: Count })),
  signInRevoked: Flag,
  sessionsEnded: Count,
  signInRestored: Flag,
  licenseNotRestored: Flag,
});
const Effect = v.nullable(EffectPreviewSchema);

export const PlanStepSchema = v.object({
  id: v.picklist(STEP_IDS, 'must be a step id'),
  number: Count,
  status: v.picklist(STEP_STATUSES, 'must be a step status'),
  reason: Refusal,
});

export const OffboardingPlanSchema = v.object({
  scenario: v.picklist(SCENARIOS, 'must be a scenario'),
  actorId: Text,
  user: UserSchema,
  contacts: Count,
  openTasks: Count,
  transferableTasks: Count,
  salesBrains: v.array(Ref, 'must be a list'),
  lastLicenseInCountry: v.nullable(
    v.object({
      country: Text,
      licensesInCountry: Count,
      activePhoneNumbers: v.array(v.object({ id: Text, number: Text }), 'must be a list'),
      blocks: v.boolean('must be a boolean'),
    }),
  ),
  seats: v.nullable(SeatUsageSchema),
  eligibleTargets: Count,
  refusals: v.object({
    deactivateLicense: Refusal,
    assignLicense: Refusal,
    deactivateUser: Refusal,
    reactivateUser: Refusal,
    reassignContacts: Refusal,
    transferTasks: Refusal,
  }),
  effects: v.object({
    deactivateLicense: Effect,
    assignLicense: Effect,
    deactivateUser: Effect,
    reactivateUser: Effect,
    reassignContacts: Effect,
    transferTasks: Effect,
  }),
  steps: v.array(PlanStepSchema, 'must be a list'),
  scheduled: v.object({ license: v.nullable(ScheduledDeactivationSchema), user: v.nullable(ScheduledDeactivationSchema) }),
});
