import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useId } from 'react';
import type { Explainable } from '../../i18n/createTranslator';
import { part } from '../../parts/partProps';
import { ReasonText } from '../../parts/ReasonText';

interface ActionMenuItemProps {
  action: string;
  label: string;
  /** The core's refusal: the item stays, focusable and inert, with the reason as its description. */
  refusal: Explainable | null;
  onSelect(): void;
}

/**
 * A menu item that may be blocked by a rule. WAI-ARIA keeps disabled menu items focusable, so it
 * uses `aria-disabled` rather than Radix's `disabled` (which skips the item) and stays open on select.
 */
export function ActionMenuItem({ action, label, refusal, onSelect }: ActionMenuItemProps) {
  const labelId = useId();
  const reasonId = useId();
  return (
    <DropdownMenu.Item
      {...part('menu-item', refusal ? 'blocked' : 'ready')}
      data-action={action}
      textValue={label}
      aria-disabled={refusal ? true : undefined}
      aria-labelledby={labelId}
      aria-describedby={refusal ? reasonId : undefined}
      onSelect={(event) => {
        if (refusal) event.preventDefault();
        else onSelect();
      }}
    >
      <span id={labelId} {...part('menu-item-label')}>
        {label}
      </span>
      {refusal ? <ReasonText id={reasonId} reason={refusal} /> : null}
    </DropdownMenu.Item>
  );
}
