import { toOffboardError } from '@offboard/core';
import type { LicenseView } from '@offboard/core/machines';
import { useId, useMemo, useState } from 'react';
import { ErrorNotice } from '../../parts/ErrorNotice';
import { GuardedButton } from '../../parts/GuardedButton';
import { part } from '../../parts/partProps';
import { useMessages } from '../../provider/OffboardContext';
import { usePhoneNumbers } from '../../queries/phoneNumberQueries';

/** The host's countries, or those where the organisation has numbers; and the user's previous one; by name. */
function useCountryOptions(previous: string | null, countries: readonly string[] | undefined) {
  const messages = useMessages();
  const phoneNumbers = usePhoneNumbers({ enabled: countries === undefined });
  const options = useMemo(() => {
    const codes = new Set(countries ?? (phoneNumbers.data ?? []).map((phoneNumber) => phoneNumber.country));
    if (previous) codes.add(previous);
    return [...codes].sort((a, b) => messages.country(a).localeCompare(messages.country(b), messages.locale));
  }, [countries, phoneNumbers.data, previous, messages]);
  return { options, phoneNumbers };
}

interface AssignLicenseFormProps {
  license: LicenseView;
  assign: NonNullable<LicenseView['assign']>;
  countries?: readonly string[];
}

/** R7: choose a country and assign a license; blocked, with the reason, when no seat is free. */
export function AssignLicenseForm({ license, assign, countries }: AssignLicenseFormProps) {
  const messages = useMessages();
  const fieldId = useId();
  const { options, phoneNumbers } = useCountryOptions(license.country, countries);
  const [chosen, setChosen] = useState<string | null>(null);
  const country = chosen ?? license.country ?? options[0] ?? null;

  // Without the host's list, the choice comes from the phone numbers, which may still be loading or have failed.
  const fromNumbers = countries === undefined;
  if (!country && fromNumbers && phoneNumbers.error) {
    return <ErrorNotice error={toOffboardError(phoneNumbers.error)} onRetry={() => void phoneNumbers.refetch()} />;
  }
  return (
    <div {...part('license-assign')}>
      <label htmlFor={fieldId} {...part('field-label')}>
        {messages.t('license.countryField')}
      </label>
      <select id={fieldId} {...part('country-select')} value={country ?? ''} onChange={(event) => setChosen(event.target.value)}>
        {options.map((code) => (
          <option key={code} value={code}>
            {messages.country(code)}
          </option>
        ))}
      </select>
      <GuardedButton control={assign(country, fromNumbers && phoneNumbers.isPending)} />
    </div>
  );
}
