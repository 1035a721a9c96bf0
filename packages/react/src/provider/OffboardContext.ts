import type { Caller, OffboardAdapter } from '@offboard/core';
import { createContext, useContext } from 'react';
import type { Translator } from '@offboard/core/i18n';

export type OffboardTheme = 'light' | 'dark' | 'system';

/** What every Offboard component reads from the nearest `OffboardProvider`. */
export interface OffboardContextValue {
  readonly adapter: OffboardAdapter;
  /**
   * Who calls: the acting user (`actorId`, whose permissions every plan and change is computed
   * for), their organisation and kind. Every adapter call passes it: the backend scopes the call
   * to the organisation (R13) and authorises it for the caller (R9, R12).
   */
  readonly caller: Caller;
  readonly messages: Translator;
  readonly theme: OffboardTheme;
  /** R14: whether every deactivation must name its reason (the provider's `requireReason`). */
  readonly requireReason: boolean;
  /** Where dialogs and menus render, inside an element carrying `.ob-root` and the theme. */
  readonly portalContainer: HTMLElement | null;
  /** Says a result through the polite live region. */
  announce(message: string): void;
}

export const OffboardContext = createContext<OffboardContextValue | null>(null);

export function useOffboard(): OffboardContextValue {
  const value = useContext(OffboardContext);
  if (!value) throw new Error('Offboard components must be rendered inside <OffboardProvider>.');
  return value;
}

/** The translator of the nearest provider: `t(key, values)`, `text(text)`, `effect(line)`, `explain(reason)`, Intl formats. */
export function useMessages(): Translator {
  return useOffboard().messages;
}
