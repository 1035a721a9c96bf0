import type { User } from '@offboard/core';
import type { LicenseView } from '@offboard/core/machines';
import { useId } from 'react';
import { useUserLifecycle } from '../../bindings/useUserLifecycle';
import { ConfirmationPanel } from '../../parts/ConfirmationPanel';
import { ErrorNotice } from '../../parts/ErrorNotice';
import { GuardedButton } from '../../parts/GuardedButton';
import { part } from '../../parts/partProps';
import { PendingScheduleNotice } from '../../parts/PendingScheduleNotice';
import { ScheduleForm } from '../../parts/ScheduleForm';
import { SeatUsageMeter } from '../../parts/SeatUsageMeter';
import { useMessages } from '../../provider/OffboardContext';
import { AssignLicenseForm } from './AssignLicenseForm';
import { LastLicenseWayOut } from './LastLicenseWayOut';

function LicenseSummary({ license }: { license: LicenseView }) {
  const messages = useMessages();
  return (
    <dl {...part('license-summary')}>
      <dt>{messages.t('license.status')}</dt>
      <dd {...part('license-status', license.status)}>{messages.t(`license.status.${license.status}`)}</dd>
      {license.country ? (
        <>
          <dt>{messages.t('license.country')}</dt>
          <dd {...part('license-country')}>{messages.country(license.country)}</dd>
        </>
      ) : null}
      {license.seats ? (
        <>
          <dt>{messages.t('license.seats')}</dt>
          <dd>
            <SeatUsageMeter seats={license.seats} />
          </dd>
        </>
      ) : null}
    </dl>
  );
}

function LicenseActions({ license, countries }: { license: LicenseView; countries?: readonly string[] }) {
  if (license.assign) return <AssignLicenseForm license={license} assign={license.assign} countries={countries} />;
  return (
    <div {...part('license-deactivate')}>
      {license.deactivate ? <GuardedButton control={license.deactivate} /> : null}
      {license.schedule ? <GuardedButton control={license.schedule} /> : null}
      {license.lastLicense ? <LastLicenseWayOut lastLicense={license.lastLicense} /> : null}
    </div>
  );
}

/** The dialog's content, rendered from `connectUserLifecycle` (R12: another user's license is the caller's refusal). */
export function LicensePanel({ user, countries }: { user: User; countries?: readonly string[] }) {
  const messages = useMessages();
  const view = useUserLifecycle('plan', { user });
  const confirmationTitleId = useId();

  if (!view.license) {
    const error = view.refusal ?? view.loadError;
    return error ? <ErrorNotice error={error} onRetry={view.retryLoad} /> : <p {...part('loading')}>{messages.t('common.loading')}</p>;
  }

  // R15: "Deactivate on a date…" takes the panel's place, as a confirmation does.
  const asking = view.confirmation ?? view.schedule?.confirmation;
  if (asking) {
    return (
      <section {...part('license-confirmation')} aria-labelledby={confirmationTitleId}>
        <h3 id={confirmationTitleId} {...part('license-confirmation-title')}>
          {messages.text(asking.title)}
        </h3>
        <p>{messages.text(asking.description)}</p>
        {view.schedule ? <ScheduleForm form={view.schedule} autoFocus /> : <ConfirmationPanel confirmation={asking} autoFocus />}
      </section>
    );
  }

  return (
    <div {...part('license-panel', view.phase)}>
      <LicenseSummary license={view.license} />
      {view.scheduled.length ? <PendingScheduleNotice schedules={view.scheduled} /> : null}
      <LicenseActions license={view.license} countries={countries} />
    </div>
  );
}
