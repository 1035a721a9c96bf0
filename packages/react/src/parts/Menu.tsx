import { menuKey, menuTriggerKey, type MenuOpening } from '@offboard/core/machines';
import {
  createContext,
  forwardRef,
  useCallback,
  useContext,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type ComponentPropsWithoutRef,
  type KeyboardEvent,
  type MouseEvent,
  type MutableRefObject,
  type ReactNode,
  type RefObject,
} from 'react';
import { createPortal } from 'react-dom';

/**
 * A WAI-ARIA menu button, non-modal: what a key does is the core's (`menuKey`), this only moves
 * focus and places the menu. Written for the kit rather than taken from a library: Radix's
 * dropdown menu did the same and weighed 17 KB gzip (positioning engine, collections, roving
 * focus), a fifth of the whole kit's budget, for one menu anchored under its button.
 */
interface MenuState {
  readonly open: boolean;
  readonly opening: MenuOpening | null;
  readonly triggerRef: RefObject<HTMLButtonElement | null>;
  readonly triggerId: string;
  readonly contentId: string;
  setOpen(open: boolean, opening?: MenuOpening | null): void;
  /** The open menu's way to close, focus going back to the button or not (set by the content). */
  readonly close: MutableRefObject<(focusTrigger: boolean) => void>;
}

const MenuContext = createContext<MenuState | null>(null);
const useMenu = () => useContext(MenuContext)!;

/** Gap between the button and its menu, and the least room the menu keeps from the viewport's edges. */
const OFFSET = 4;
const MARGIN = 8;
/** Characters typed within this long of each other make one type-ahead prefix. */
const TYPEAHEAD_MS = 500;

export function MenuRoot({ open, onOpenChange, children }: { open: boolean; onOpenChange(open: boolean): void; children: ReactNode }) {
  const triggerRef = useRef<HTMLButtonElement>(null);
  const id = useId();
  const [opening, setOpening] = useState<MenuOpening | null>(null);
  const close = useRef<(focusTrigger: boolean) => void>(() => onOpenChange(false));
  const setOpen = useCallback(
    (next: boolean, how: MenuOpening | null = null) => {
      setOpening(how);
      onOpenChange(next);
    },
    [onOpenChange],
  );
  return <MenuContext.Provider value={{ open, opening, triggerRef, triggerId: `${id}-trigger`, contentId: `${id}-menu`, setOpen, close }}>{children}</MenuContext.Provider>;
}

export const MenuTrigger = forwardRef<HTMLButtonElement, ComponentPropsWithoutRef<'button'>>(function MenuTrigger({ onKeyDown, onClick, ...props }, forwarded) {
  const menu = useMenu();
  const setRefs = (element: HTMLButtonElement | null) => {
    menu.triggerRef.current = element;
    if (typeof forwarded === 'function') forwarded(element);
    else if (forwarded) forwarded.current = element;
  };
  return (
    <button
      type="button"
      {...props}
      ref={setRefs}
      id={menu.triggerId}
      aria-haspopup="menu"
      aria-expanded={menu.open}
      aria-controls={menu.open ? menu.contentId : undefined}
      data-menu-state={menu.open ? 'open' : 'closed'}
      onClick={(event) => {
        onClick?.(event);
        // A key that opened the menu already did; a pointer toggles it, focus on the menu itself.
        if (event.detail !== 0 || !menu.open) menu.setOpen(!menu.open);
      }}
      onKeyDown={(event) => {
        onKeyDown?.(event);
        const opening = event.key === 'Enter' || event.key === ' ' ? 'first' : menuTriggerKey(event.key);
        if (!opening) return;
        event.preventDefault();
        menu.setOpen(true, opening);
      }}
    />
  );
});

interface MenuContentProps extends Omit<ComponentPropsWithoutRef<'div'>, 'role'> {
  /** Where the menu is put: inside the kit's root, so its styles and theme apply. */
  container: HTMLElement | null;
  /** Closing gives focus back to the button unless this prevents it (a dialog an item opened takes it). */
  onCloseAutoFocus?(event: { preventDefault(): void }): void;
}

const itemsOf = (content: HTMLElement) => [...content.querySelectorAll<HTMLElement>('[role="menuitem"]:not([data-disabled])')];
const labelOf = (item: HTMLElement) => item.dataset.textValue ?? item.textContent ?? '';

export const MenuContent = forwardRef<HTMLDivElement, MenuContentProps>(function MenuContent({ container, onCloseAutoFocus, style, ...props }, forwarded) {
  const menu = useMenu();
  const contentRef = useRef<HTMLDivElement | null>(null);
  const typed = useRef({ text: '', at: 0 });

  const close = useCallback(
    (focusTrigger: boolean) => {
      menu.setOpen(false);
      if (!focusTrigger) return;
      let prevented = false;
      onCloseAutoFocus?.({ preventDefault: () => (prevented = true) });
      if (!prevented) menu.triggerRef.current?.focus();
    },
    [menu, onCloseAutoFocus],
  );

  menu.close.current = close;

  // Under the button, its end edges aligned; above it when there is no room below. Written to the
  // element before the browser paints (and before focus moves in), not kept as React state.
  const place = () => {
    const trigger = menu.triggerRef.current;
    const content = contentRef.current;
    if (!trigger || !content) return;
    const anchor = trigger.getBoundingClientRect();
    const { offsetWidth: width, offsetHeight: height } = content;
    const below = anchor.bottom + OFFSET;
    const top = below + height > window.innerHeight - MARGIN && anchor.top - OFFSET - height >= MARGIN ? anchor.top - OFFSET - height : below;
    const left = Math.min(Math.max(MARGIN, anchor.right - width), Math.max(MARGIN, window.innerWidth - MARGIN - width));
    content.style.top = `${top}px`;
    content.style.left = `${left}px`;
  };

  useLayoutEffect(() => {
    if (menu.open) place();
  });

  useEffect(() => {
    if (!menu.open) return;
    const content = contentRef.current;
    if (content) {
      const items = itemsOf(content);
      const first = menu.opening === 'last' ? items[items.length - 1] : menu.opening === 'first' ? items[0] : undefined;
      (first ?? content).focus({ preventScroll: true });
    }
    const outside = (event: Event) => {
      const target = event.target as Node;
      if (!contentRef.current?.contains(target) && !menu.triggerRef.current?.contains(target)) close(false);
    };
    const document = menu.triggerRef.current?.ownerDocument ?? window.document;
    document.addEventListener('pointerdown', outside, true);
    document.addEventListener('focusin', outside);
    window.addEventListener('resize', place);
    window.addEventListener('scroll', place, true);
    return () => {
      document.removeEventListener('pointerdown', outside, true);
      document.removeEventListener('focusin', outside);
      window.removeEventListener('resize', place);
      window.removeEventListener('scroll', place, true);
    };
    // Focus moves once per opening, not on every render of the items.
  }, [menu.open]);

  if (!menu.open) return null;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const content = event.currentTarget;
    const items = itemsOf(content);
    const index = items.indexOf(content.ownerDocument.activeElement as HTMLElement);
    const now = event.timeStamp;
    const text = event.key.length === 1 ? (now - typed.current.at < TYPEAHEAD_MS ? typed.current.text : '') + event.key : '';
    typed.current = { text, at: now };
    const effect = menuKey(event.key, index, items.map(labelOf), text || event.key);
    if (!effect) return;
    if (effect.kind === 'close' && !effect.focusTrigger) {
      // Tab leaves from the button, so the tab order goes on from where the menu belongs.
      close(false);
      menu.triggerRef.current?.focus();
      return;
    }
    event.preventDefault();
    if (effect.kind === 'focus') items[effect.index]?.focus({ preventScroll: true });
    else if (effect.kind === 'close') close(true);
    else items[index]?.click();
  };

  const setRefs = (element: HTMLDivElement | null) => {
    contentRef.current = element;
    if (typeof forwarded === 'function') forwarded(element);
    else if (forwarded) forwarded.current = element;
  };

  const content = (
    <div
      {...props}
      ref={setRefs}
      role="menu"
      id={menu.contentId}
      aria-labelledby={menu.triggerId}
      aria-orientation="vertical"
      tabIndex={-1}
      data-menu-state="open"
      style={{ ...style, position: 'fixed' }}
      onKeyDown={onKeyDown}
    />
  );
  return createPortal(content, container ?? menu.triggerRef.current?.ownerDocument.body ?? document.body);
});

interface MenuItemProps extends Omit<ComponentPropsWithoutRef<'div'>, 'role' | 'onSelect'> {
  /** The words type-ahead matches. */
  textValue?: string;
  /** Shown but skipped by the keyboard and inert (a status line). */
  disabled?: boolean;
  /** Chosen by click, Enter or Space; the menu then closes unless this prevents it. */
  onSelect?(event: { preventDefault(): void }): void;
}

export function MenuItem({ textValue, disabled = false, onSelect, onClick, ...props }: MenuItemProps) {
  const menu = useMenu();
  const [highlighted, setHighlighted] = useState(false);
  return (
    <div
      {...props}
      role="menuitem"
      tabIndex={-1}
      data-text-value={textValue}
      data-disabled={disabled ? '' : undefined}
      aria-disabled={disabled || props['aria-disabled'] || undefined}
      data-highlighted={highlighted ? '' : undefined}
      onFocus={() => setHighlighted(true)}
      onBlur={() => setHighlighted(false)}
      onPointerMove={(event) => {
        if (!disabled && event.currentTarget.ownerDocument.activeElement !== event.currentTarget) event.currentTarget.focus({ preventScroll: true });
      }}
      onClick={(event: MouseEvent<HTMLDivElement>) => {
        onClick?.(event);
        if (disabled) return;
        let prevented = false;
        onSelect?.({ preventDefault: () => (prevented = true) });
        if (!prevented) menu.close.current(true);
      }}
    />
  );
}

export function MenuSeparator(props: ComponentPropsWithoutRef<'div'>) {
  return <div {...props} role="separator" aria-orientation="horizontal" />;
}
