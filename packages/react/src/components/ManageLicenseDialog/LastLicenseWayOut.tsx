import { phoneNumbersWords, type LicenseView } from '@offboard/core/machines';
import { useId } from 'react';
import { useKeyedAction } from '../../bindings/useKeyedAction';
import { ConfirmDialog } from '../../parts/ConfirmDialog';
import { GuardedButton } from '../../parts/GuardedButton';
import { part } from '../../parts/partProps';
import { PhoneNumberList } from '../../parts/PhoneNumberList';
import { useMessages } from '../../provider/OffboardContext';

interface LastLicenseWayOutProps {
  lastLicense: NonNullable<LicenseView['lastLicense']>;
}

/**
 * R4's way out beside its message: the country's active numbers, and deactivating them here (R8
 * step 3, one keyed intent through the core's `keyedActionMachine`, confirmed first, retried with
 * the same keys) or licensing another salesperson in the country.
 */
export function LastLicenseWayOut({ lastLicense }: LastLicenseWayOutProps) {
  const messages = useMessages();
  const headingId = useId();
  const { connect } = useKeyedAction('admin');
  const { country, phoneNumbers } = lastLicense;
  const countryName = messages.country(country);
  const count = phoneNumbers.length;
  const numbers = connect(
    { kind: 'deactivatePhoneNumbers', phoneNumberIds: phoneNumbers.map((phoneNumber) => phoneNumber.id) },
    { part: 'deactivate-numbers', label: { key: 'license.deactivateNumbers', values: { count } }, confirm: phoneNumbersWords(country, count) },
  );

  return (
    <section {...part('way-out')} aria-labelledby={headingId}>
      <h3 id={headingId} {...part('way-out-heading')}>
        {messages.t('license.numbersHeading', { country: countryName })}
      </h3>
      <PhoneNumberList numbers={phoneNumbers} labelledBy={headingId} />
      <p {...part('way-out-text')}>{messages.t('license.wayOut', { country: countryName })}</p>
      <GuardedButton control={numbers.control} />
      <ConfirmDialog confirmation={numbers.confirmation} details={<PhoneNumberList numbers={phoneNumbers} />} />
    </section>
  );
}
