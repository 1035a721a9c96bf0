import { formatPhoneNumber } from '@offboard/core/i18n';
import { part } from './partProps';

/** The numbers that keep R4 from letting a country's last license go, grouped for reading (`data-number` keeps E.164). */
export function PhoneNumberList({ numbers, labelledBy }: { numbers: readonly { readonly id: string; readonly number: string }[]; labelledBy?: string }) {
  return (
    <ul {...part('phone-numbers')} aria-labelledby={labelledBy}>
      {numbers.map((phoneNumber) => (
        <li key={phoneNumber.id} {...part('phone-number')} data-id={phoneNumber.id} data-number={phoneNumber.number}>
          <span dir="ltr">{formatPhoneNumber(phoneNumber.number)}</span>
        </li>
      ))}
    </ul>
  );
}
