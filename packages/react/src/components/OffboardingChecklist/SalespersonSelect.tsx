import type { User } from '@offboard/core';
import { useId } from 'react';
import { part } from '../../parts/partProps';
import { useMessages } from '../../provider/OffboardContext';

interface SalespersonSelectProps {
  candidates: readonly User[];
  value: string;
  onChange(userId: string): void;
}

/** Who receives a step's contacts or tasks: one of the salespeople the core lists (R5), chosen by the user, never for them. */
export function SalespersonSelect({ candidates, value, onChange }: SalespersonSelectProps) {
  const messages = useMessages();
  const id = useId();
  return (
    <span {...part('target-field')}>
      <label htmlFor={id} {...part('field-label')}>
        {messages.t('checklist.target')}
      </label>
      <select id={id} {...part('target-select')} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="" disabled>
          {messages.t('checklist.targetPlaceholder')}
        </option>
        {candidates.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {candidate.name}
          </option>
        ))}
      </select>
    </span>
  );
}
