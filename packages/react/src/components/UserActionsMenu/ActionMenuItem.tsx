import type { Explainable } from '@offboard/core/i18n';
import type { PartAttributes } from '@offboard/core/machines';
import { useId } from 'react';
import { MenuItem } from '../../parts/Menu';
import { part } from '../../parts/partProps';
import { ReasonText } from '../../parts/ReasonText';

interface ActionMenuItemProps {
  label: string;
  /** The core's refusal: the item stays, focusable and inert, with the reason as its description. */
  blockedBy: Explainable | null;
  /** Words that describe the item without blocking it (why a retry is offered). */
  note?: Explainable | null;
  /** Select without closing the menu, for items whose result shows in the menu itself. */
  keepOpen?: boolean;
  attributes: PartAttributes & { readonly 'data-action'?: string };
  onSelect(): void;
}

/**
 * A menu item that may be blocked by a rule. WAI-ARIA keeps disabled menu items focusable, so it
 * uses `aria-disabled` rather than `disabled` (which the keyboard skips) and stays open on select.
 */
export function ActionMenuItem({ label, blockedBy, note = null, keepOpen = false, attributes, onSelect }: ActionMenuItemProps) {
  const labelId = useId();
  const reasonId = useId();
  const description = blockedBy ?? note;
  return (
    <MenuItem
      {...part(attributes['data-part'], attributes['data-state'])}
      data-action={attributes['data-action']}
      textValue={label}
      aria-disabled={blockedBy ? true : undefined}
      aria-labelledby={labelId}
      aria-describedby={description ? reasonId : undefined}
      onSelect={(event) => {
        if (blockedBy || keepOpen) event.preventDefault();
        if (!blockedBy) onSelect();
      }}
    >
      <span id={labelId} {...part('menu-item-label')}>
        {label}
      </span>
      {description ? <ReasonText id={reasonId} reason={description} /> : null}
    </MenuItem>
  );
}
