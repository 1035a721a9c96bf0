'use client';

import type { OffboardAdapter } from '@offboard/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { resolveCatalog, type Catalog } from '../i18n/catalog';
import { createTranslator } from '../i18n/createTranslator';
import { createOffboardQueryClient } from './createOffboardQueryClient';
import { OffboardContext, type OffboardContextValue, type OffboardTheme } from './OffboardContext';

export interface OffboardProviderProps {
  /** The backend: the in-memory one, the HTTP adapter, or the host's own. */
  adapter: OffboardAdapter;
  /** The signed-in user who acts; plans, guards and the audit log are computed for them. */
  currentUserId: string;
  /** BCP 47 tag for plurals, numbers, dates and country names (Intl). @default 'en' */
  locale?: string;
  /**
   * The words, laid over English key by key: a whole catalog (`es` from this package, or a
   * language of your own) or just the messages you want to change.
   */
  messages?: Partial<Catalog>;
  /** The host's QueryClient, to share its cache; otherwise the provider makes its own. */
  queryClient?: QueryClient;
  /** Colour scheme of the optional stylesheet; `system` follows `prefers-color-scheme`. @default 'light' */
  theme?: OffboardTheme;
  children?: ReactNode;
}

/**
 * Gives every Offboard component its adapter, acting user, translations and QueryClient. Besides
 * its children it renders one empty layer: the polite live region and the container dialogs and
 * menus portal into, so they carry `.ob-root` and the theme without touching the host's page.
 */
export function OffboardProvider({ adapter, currentUserId, locale = 'en', messages, queryClient, theme = 'light', children }: OffboardProviderProps) {
  const ownClient = useRef<QueryClient | null>(null);
  const client = queryClient ?? (ownClient.current ??= createOffboardQueryClient());
  const [portalContainer, setPortalContainer] = useState<HTMLElement | null>(null);
  const [announcement, setAnnouncement] = useState({ text: '', count: 0 });
  const announce = useCallback((text: string) => setAnnouncement((previous) => ({ text, count: previous.count + 1 })), []);
  const translator = useMemo(() => createTranslator(locale, resolveCatalog(messages)), [locale, messages]);

  const value = useMemo<OffboardContextValue>(
    () => ({ adapter, currentUserId, messages: translator, theme, portalContainer, announce }),
    [adapter, currentUserId, translator, theme, portalContainer, announce],
  );

  return (
    <QueryClientProvider client={client}>
      <OffboardContext.Provider value={value}>
        {children}
        <div ref={setPortalContainer} className="ob-root ob-layer" data-part="layer" data-theme={theme}>
          <div role="status" aria-live="polite" aria-atomic="true" className="ob-visually-hidden" data-part="announcer">
            {/* A new node per announcement, so the same words said twice are read twice. */}
            <span key={announcement.count}>{announcement.text}</span>
          </div>
        </div>
      </OffboardContext.Provider>
    </QueryClientProvider>
  );
}
