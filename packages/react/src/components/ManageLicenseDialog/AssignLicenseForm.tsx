import { toOffboardError, type OffboardingPlan } from '@offboard/core';
import { useId, useMemo, useState } from 'react';
import { ErrorNotice } from '../../parts/ErrorNotice';
import { GuardedButton } from '../../parts/GuardedButton';
import { part } from '../../parts/partProps';
import { useMessages } from '../../provider/OffboardContext';
import { usePhoneNumbers } from '../../queries/phoneNumberQueries';

/** The host's countries, or those where the organisation has numbers; and the user's previous one; by name. */
function useCountryOptions(plan: OffboardingPlan, countries: readonly string[] | undefined) {
  const messages = useMessages();
  const phoneNumbers = usePhoneNumbers({ enabled: countries === undefined });
  const options = useMemo(() => {
    const codes = new Set(countries ?? (phoneNumbers.data ?? []).map((phoneNumber) => phoneNumber.country));
    if (plan.user.license) codes.add(plan.user.license.country);
    return [...codes].sort((a, b) => messages.country(a).localeCompare(messages.country(b), messages.locale));
  }, [countries, phoneNumbers.data, plan.user.license, messages]);
  return { options, phoneNumbers };
}

interface AssignLicenseFormProps {
  plan: OffboardingPlan;
  countries?: readonly string[];
  onAssign(country: string): void;
}

/** R7: choose a country and assign a license; blocked, with the reason, when no seat is free. */
export function AssignLicenseForm({ plan, countries, onAssign }: AssignLicenseFormProps) {
  const messages = useMessages();
  const fieldId = useId();
  const { options, phoneNumbers } = useCountryOptions(plan, countries);
  const [chosen, setChosen] = useState<string | null>(null);
  const country = chosen ?? plan.user.license?.country ?? options[0] ?? '';

  // Without the host's list, the choice comes from the phone numbers, which may still be loading or have failed.
  const fromNumbers = countries === undefined;
  if (!country && fromNumbers && phoneNumbers.error) {
    return <ErrorNotice error={toOffboardError(phoneNumbers.error)} onRetry={() => void phoneNumbers.refetch()} />;
  }
  const hold = country ? null : messages.t(fromNumbers && phoneNumbers.isPending ? 'license.hold.loading' : 'license.hold.none');
  return (
    <div {...part('license-assign')}>
      <label htmlFor={fieldId} {...part('field-label')}>
        {messages.t('license.countryField')}
      </label>
      <select id={fieldId} {...part('country-select')} value={country} onChange={(event) => setChosen(event.target.value)}>
        {options.map((code) => (
          <option key={code} value={code}>
            {messages.country(code)}
          </option>
        ))}
      </select>
      <GuardedButton partName="assign-license" refusal={plan.refusals.assignLicense} hold={hold} onClick={() => onAssign(country)}>
        {messages.t('license.assign')}
      </GuardedButton>
    </div>
  );
}
