import { hasActiveLicense, type OffboardingPlan } from '@offboard/core';
import { useSelector } from '@xstate/react';
import { useId } from 'react';
import { PLAN_GATES } from '../../machines/cachedPlanLoader';
import { lifecycleControls, selectLifecyclePhase, useUserLifecycle, type UserLifecycleActorRef } from '../../machines/useUserLifecycle';
import { ConfirmationPanel } from '../../parts/ConfirmationPanel';
import { ErrorNotice } from '../../parts/ErrorNotice';
import { GuardedButton } from '../../parts/GuardedButton';
import { lifecycleConfirmation } from '../../parts/lifecycleConfirmation';
import { part } from '../../parts/partProps';
import { SeatUsageMeter } from '../../parts/SeatUsageMeter';
import { useMessages } from '../../provider/OffboardContext';
import { AssignLicenseForm } from './AssignLicenseForm';
import { LastLicenseWayOut } from './LastLicenseWayOut';

function LicenseSummary({ plan }: { plan: OffboardingPlan }) {
  const messages = useMessages();
  const { license } = plan.user;
  return (
    <dl {...part('license-summary')}>
      <dt>{messages.t('license.status')}</dt>
      <dd {...part('license-status', license ? license.status : 'none')}>{messages.t(`license.status.${license ? license.status : 'none'}`)}</dd>
      {license ? (
        <>
          <dt>{messages.t('license.country')}</dt>
          <dd {...part('license-country')}>{messages.country(license.country)}</dd>
        </>
      ) : null}
      {plan.seats ? (
        <>
          <dt>{messages.t('license.seats')}</dt>
          <dd>
            <SeatUsageMeter seats={plan.seats} />
          </dd>
        </>
      ) : null}
    </dl>
  );
}

function LicenseActions({ plan, actorRef, countries }: { plan: OffboardingPlan; actorRef: UserLifecycleActorRef; countries?: readonly string[] }) {
  const messages = useMessages();
  if (!hasActiveLicense(plan.user)) {
    return <AssignLicenseForm plan={plan} countries={countries} onAssign={(country) => actorRef.send({ type: 'ASSIGN_LICENSE', country })} />;
  }
  const refusal = plan.refusals.deactivateLicense;
  return (
    <div {...part('license-deactivate')}>
      <GuardedButton partName="deactivate-license" refusal={refusal} onClick={() => actorRef.send({ type: 'DEACTIVATE_LICENSE' })}>
        {messages.t('license.deactivate')}
      </GuardedButton>
      {refusal?.code === 'LAST_LICENSE_IN_COUNTRY' && plan.lastLicenseInCountry ? <LastLicenseWayOut plan={plan} lastLicense={plan.lastLicenseInCountry} /> : null}
    </div>
  );
}

/** The dialog's content, bound to the user's lifecycle machine. */
export function LicensePanel({ userId, countries }: { userId: string; countries?: readonly string[] }) {
  const messages = useMessages();
  // R12: a member may read only their own plan; another user's license shows the refusal instead.
  const actorRef = useUserLifecycle(userId, PLAN_GATES.read);
  const plan = useSelector(actorRef, (snapshot) => snapshot.context.plan);
  const phase = useSelector(actorRef, selectLifecyclePhase);
  const pending = useSelector(actorRef, (snapshot) => snapshot.context.pending);
  const error = useSelector(actorRef, (snapshot) => snapshot.context.error);
  const confirmationTitleId = useId();

  if (!plan) {
    return phase === 'loadFailed' && error ? (
      <ErrorNotice error={error} onRetry={() => actorRef.send({ type: 'RETRY' })} />
    ) : (
      <p {...part('loading')}>{messages.t('common.loading')}</p>
    );
  }

  if (pending && (phase === 'confirming' || phase === 'submitting' || phase === 'failed')) {
    const confirmation = lifecycleConfirmation(messages, plan, pending);
    return (
      <section {...part('license-confirmation')} aria-labelledby={confirmationTitleId}>
        <h3 id={confirmationTitleId} {...part('license-confirmation-title')}>
          {confirmation.title}
        </h3>
        <p>{confirmation.description}</p>
        <ConfirmationPanel
          effects={confirmation.effects}
          subjectName={plan.user.name}
          confirmLabel={confirmation.confirmLabel}
          tone={confirmation.tone}
          {...lifecycleControls(actorRef, phase, error)}
          autoFocus
        />
      </section>
    );
  }

  return (
    <div {...part('license-panel', phase)}>
      <LicenseSummary plan={plan} />
      <LicenseActions plan={plan} actorRef={actorRef} countries={countries} />
    </div>
  );
}
