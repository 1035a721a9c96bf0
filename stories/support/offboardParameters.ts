import type { CallerKind, OffboardData, OffboardPolicy, ScheduleDeactivationInput } from '@offboard/core';
import type { DemoScenarioId } from '@offboard/core/fixtures';
import type { Fault, FaultTarget, Latency } from '@offboard/mocks';
import type { FaultPreset } from './faultPresets';

/** What a story asks of its backend; `.storybook/preview.tsx` builds a fresh one per story. */
export interface OffboardStoryParameters {
  /** The organisation to start from. @default 'employee-departure' (the demo organisation) */
  readonly scenario?: DemoScenarioId;
  /** Data of its own instead of a scenario's. */
  readonly data?: () => OffboardData;
  /** Also what the provider is told (`requireReason`, R14), as a host configures both alike. */
  readonly policy?: Partial<OffboardPolicy>;
  /** R15: scheduled deactivations pending when the story starts, made by a service identity. */
  readonly schedules?: readonly (ScheduleDeactivationInput & { readonly userId: string })[];
  /** Who is signed in. @default the scenario's admin, Ana García */
  readonly actorId?: string;
  /** `service`: `actorId` is a service identity (directory sync) with no user record, acting like an admin. @default 'user' */
  readonly callerKind?: CallerKind;
  /** Latency of every answer. @default [80, 200] ms in Storybook, 0 under test */
  readonly latency?: Latency;
  /** Faults armed from the start, per operation. */
  readonly faults?: Partial<Record<FaultTarget, Fault>>;
}

/** Controls of the scenario stories: what a designer switches while clicking through. */
export interface ScenarioArgs {
  /** The scenario whose organisation the backend starts from. */
  readonly organisation?: DemoScenarioId;
  readonly fault?: FaultPreset;
  readonly locale?: 'en' | 'es';
  readonly theme?: 'light' | 'dark';
}
