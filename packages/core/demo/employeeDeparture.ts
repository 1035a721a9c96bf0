/**
 * The employee-departure scenario on the in-memory backend, walked through offboardingMachine
 * exactly as the UI walks it, printing each step of the R8 checklist and the audit log.
 * Run with `npm run demo`.
 */
import { createActor, waitFor } from 'xstate';
import { type OffboardingPlan } from '../src';
import { offboardingMachine, type StepRequest } from '../src/machines';
import { createInMemoryBackend } from '../src/inMemory';
import { DEMO_SCENARIOS } from '../src/fixtures';

const scenario = DEMO_SCENARIOS['employee-departure'];
const data = scenario.data();
const backend = createInMemoryBackend({ data });
const [userId] = scenario.userIds as [string];
// In Node the demo is its own server: it names the caller, as a host's authenticate would.
const caller = { organisationId: data.organisationId, actorId: scenario.actorId };
const admin = await backend.getUser(scenario.actorId, caller);
const leaver = await backend.getUser(userId, caller);

const print = (plan: OffboardingPlan) => {
  for (const step of plan.steps) {
    const reason = step.reason ? ` — ${step.reason.message}` : '';
    console.log(`   ${step.number}. ${step.id.padEnd(20)} ${step.status.padEnd(15)}${reason}`);
  }
};

console.log(`\n${scenario.title}: ${scenario.summary}\n`);
console.log(`${admin.name} (admin) offboards ${leaver.name} (${leaver.license?.country} license).\n`);

const actor = createActor(offboardingMachine, { input: { adapter: backend, caller, userId, scenario: scenario.planScenario } });
actor.start();
await waitFor(actor, (snapshot) => snapshot.matches('ready'));
console.log('Checklist before anything is done:');
print(actor.getSnapshot().context.plan!);

const steps: [string, StepRequest][] = [
  ['Try to deactivate the license first', { step: 'deactivate-license' }],
  ['Reassign his contacts, split between Carla and Óscar', { step: 'reassign-contacts', toUserIds: ['u-carla', 'u-oscar'] }],
  ['Hand his open tasks to Ana', { step: 'transfer-tasks', toUserId: 'u-ana' }],
  ['Deactivate the Colombian phone numbers (R4)', { step: 'check-phone-numbers' }],
  ['Deactivate the license (R2)', { step: 'deactivate-license' }],
  ['Deactivate the user (R3)', { step: 'deactivate-user' }],
];
for (const [title, request] of steps) {
  actor.send({ type: 'RUN_STEP', request });
  if (actor.getSnapshot().matches('ready')) {
    const blocked = actor.getSnapshot().context.plan!.steps.find((step) => step.id === request.step)!;
    console.log(`\n→ ${title}: not offered (${blocked.status}): ${blocked.reason?.message}`);
    continue;
  }
  const snapshot = await waitFor(actor, (state) => state.matches('ready') || state.matches('failed'));
  console.log(`\n→ ${title}: ${snapshot.matches('failed') ? `failed: ${snapshot.context.error?.message}` : 'done'}`);
  print(snapshot.context.plan!);
}

const access = await backend.getAccess(userId, caller);
const seats = await backend.getSeatUsage(caller);
console.log(`\n${leaver.name} now: can sign in ${access.canSignIn}, commercial features ${access.commercialFeatures}, open sessions ${access.openSessions}.`);
console.log(`Seats: ${seats.used} of ${seats.total} used. His history is kept: ${(await backend.listHistory({ userId }, caller)).total} records.`);
console.log('\nAudit log (newest first):');
for (const entry of (await backend.listAuditLog({ limit: 8 }, caller)).items) {
  console.log(`   #${entry.seq} ${entry.actorId} ${entry.action} ${entry.target.type}:${entry.target.id} ${JSON.stringify(entry.effects).slice(0, 90)}`);
}
actor.stop();
