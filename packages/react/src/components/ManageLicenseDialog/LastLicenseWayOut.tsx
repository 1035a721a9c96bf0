import { runStep, type OffboardingPlan } from '@offboard/core';
import { useId, useState } from 'react';
import { ConfirmDialog } from '../../parts/ConfirmDialog';
import { part } from '../../parts/partProps';
import { PhoneNumberList } from '../../parts/PhoneNumberList';
import { useMessages, useOffboard } from '../../provider/OffboardContext';
import { useKeyedMutation } from '../../queries/useKeyedMutation';
import { useRefreshAfterChange } from '../../queries/useRefreshAfterChange';

/**
 * R4's way out beside its message: the country's active numbers, and deactivating them here
 * (R8 step 3, run by the core's `runStep`) or licensing another salesperson in the country.
 */
interface LastLicenseWayOutProps {
  plan: OffboardingPlan;
  lastLicense: NonNullable<OffboardingPlan['lastLicenseInCountry']>;
}

export function LastLicenseWayOut({ plan, lastLicense }: LastLicenseWayOutProps) {
  const { adapter, caller, announce } = useOffboard();
  const messages = useMessages();
  const refresh = useRefreshAfterChange();
  const headingId = useId();
  const [confirming, setConfirming] = useState(false);
  const { country, activePhoneNumbers } = lastLicense;
  const countryName = messages.country(country);
  const count = activePhoneNumbers.length;

  const deactivation = useKeyedMutation(
    (phoneNumberIds: readonly string[], idempotencyKey: string) =>
      runStep(adapter, caller, plan.user.id, { request: { step: 'check-phone-numbers', phoneNumberIds }, idempotencyKey, expectedVersion: plan.user.version }),
    (_, phoneNumberIds) => {
      setConfirming(false);
      void refresh('phoneNumbers');
      announce(messages.t('done.phoneNumber.deactivated', { count: phoneNumberIds.length }));
    },
  );

  return (
    <section {...part('way-out')} aria-labelledby={headingId}>
      <h3 id={headingId} {...part('way-out-heading')}>
        {messages.t('license.numbersHeading', { country: countryName })}
      </h3>
      <PhoneNumberList numbers={activePhoneNumbers} labelledBy={headingId} />
      <p {...part('way-out-text')}>{messages.t('license.wayOut', { country: countryName })}</p>
      <button type="button" {...part('deactivate-numbers')} onClick={() => setConfirming(true)}>
        {messages.t('license.deactivateNumbers', { count })}
      </button>
      <ConfirmDialog
        open={confirming}
        title={messages.t('confirm.phoneNumbers.title', { count, country: countryName })}
        description={messages.t('confirm.phoneNumbers.description')}
        effects={null}
        subjectName={plan.user.name}
        details={<PhoneNumberList numbers={activePhoneNumbers} />}
        confirmLabel={messages.t('confirm.phoneNumbers.action', { count })}
        busy={deactivation.busy}
        error={deactivation.error}
        onConfirm={() => deactivation.start(activePhoneNumbers.map((phoneNumber) => phoneNumber.id))}
        onRetry={deactivation.retry}
        onCancel={() => {
          deactivation.reset();
          setConfirming(false);
        }}
      />
    </section>
  );
}
