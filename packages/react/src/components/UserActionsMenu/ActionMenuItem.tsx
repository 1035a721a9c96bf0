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
  /** Words that describe the item without blocking it (why a retry is offered). */
  note?: Explainable | null;
  /** Select without closing the menu, for items whose result shows in the menu itself. */
  keepOpen?: boolean;
  onSelect(): void;
}

/**
 * A menu item that may be blocked by a rule. WAI-ARIA keeps disabled menu items focusable, so it
 * uses `aria-disabled` rather than Radix's `disabled` (which skips the item) and stays open on select.
 */
export function ActionMenuItem({ action, label, refusal, note = null, keepOpen = false, onSelect }: ActionMenuItemProps) {
  const labelId = useId();
  const reasonId = useId();
  const description = refusal ?? note;
  return (
    <DropdownMenu.Item
      {...part('menu-item', refusal ? 'blocked' : 'ready')}
      data-action={action}
      textValue={label}
      aria-disabled={refusal ? true : undefined}
      aria-labelledby={labelId}
      aria-describedby={description ? reasonId : undefined}
      onSelect={(event) => {
        if (refusal || keepOpen) event.preventDefault();
        if (!refusal) onSelect();
      }}
    >
      <span id={labelId} {...part('menu-item-label')}>
        {label}
      </span>
      {description ? <ReasonText id={reasonId} reason={description} /> : null}
    </DropdownMenu.Item>
  );
}
