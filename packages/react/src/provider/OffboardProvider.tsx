'use client';

import type { Caller, CallerKind, OffboardAdapter } from '@offboard/core';
import { QueryClientContext, QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { setNonce } from 'get-nonce';
import { useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createTranslator, resolveCatalog, type Catalog } from '@offboard/core/i18n';
import { createOffboardQueryClient } from './createOffboardQueryClient';
import { OffboardContext, type OffboardContextValue, type OffboardTheme } from './OffboardContext';

/** How long a result stays on screen as a toast; the live region has said it at once. */
const TOAST_MS = 6000;

export interface OffboardProviderProps {
  /** The backend: the in-memory one, the HTTP adapter, or the host's own. */
  adapter: OffboardAdapter;
  /** The signed-in user who acts; plans, guards and the audit log are computed for them. */
  currentUserId: string;
  /** R13: the organisation the signed-in user acts in; every read and change stays within it. */
  organisationId: string;
  /**
   * `service` when the kit is driven by an identity that is not a user (a directory-sync console):
   * it has no user record and reads and acts like an admin (R9, R12). @default 'user'
   */
  callerKind?: CallerKind;
  /** BCP 47 tag for plurals, numbers, dates and country names (Intl). @default 'en' */
  locale?: string;
  /**
   * The words, laid over English key by key: a whole catalog (`es` from this package, or a
   * language of your own) or just the messages you want to change.
   */
  messages?: Partial<Catalog>;
  /**
   * The QueryClient the kit caches in. @default the one of the nearest `QueryClientProvider`
   * above, so the host's components and the kit share one cache (and the host's retry settings);
   * only without one does the provider make its own, which retries transport failures only.
   */
  queryClient?: QueryClient;
  /**
   * CSP: the nonce of the page's `style-src`, given to the style tag the dialogs inject to lock
   * the page's scroll. The kit sets no other inline style but through the DOM (allowed by CSP).
   */
  nonce?: string;
  /**
   * R14: the organisation's policy `requireReason`, as the backend is configured: every
   * deactivation's confirmation then holds its confirm button until a reason is chosen. @default false
   */
  requireReason?: boolean;
  /** Colour scheme of the optional stylesheet; `system` follows `prefers-color-scheme`. @default 'light' */
  theme?: OffboardTheme;
  children?: ReactNode;
}

/**
 * Gives every Offboard component its adapter, caller, translations and QueryClient. Besides
 * its children it renders one empty layer: the polite live region and the container dialogs and
 * menus portal into, so they carry `.ob-root` and the theme without touching the host's page.
 */
export function OffboardProvider({
  adapter,
  currentUserId,
  organisationId,
  callerKind = 'user',
  locale = 'en',
  messages,
  queryClient,
  nonce,
  theme = 'light',
  requireReason = false,
  children,
}: OffboardProviderProps) {
  const hostClient = useContext(QueryClientContext);
  const ownClient = useRef<QueryClient | null>(null);
  const client = queryClient ?? hostClient ?? (ownClient.current ??= createOffboardQueryClient());
  // Radix's scroll lock reads it when it injects its style tag; set before any dialog opens.
  if (nonce) setNonce(nonce);
  const [portalContainer, setPortalContainer] = useState<HTMLElement | null>(null);
  const [announcement, setAnnouncement] = useState({ text: '', count: 0 });
  const announce = useCallback((text: string) => setAnnouncement((previous) => ({ text, count: previous.count + 1 })), []);
  const [toastShown, setToastShown] = useState(false);
  useEffect(() => {
    if (!announcement.text) return;
    setToastShown(true);
    const timer = setTimeout(() => setToastShown(false), TOAST_MS);
    return () => clearTimeout(timer);
  }, [announcement]);
  const translator = useMemo(() => createTranslator(locale, resolveCatalog(messages)), [locale, messages]);
  // One object for as long as the caller stays the same: query keys and machine inputs hold it.
  const caller = useMemo<Caller>(() => ({ organisationId, actorId: currentUserId, kind: callerKind }), [organisationId, currentUserId, callerKind]);

  const value = useMemo<OffboardContextValue>(
    () => ({ adapter, caller, messages: translator, theme, portalContainer, announce, requireReason }),
    [adapter, caller, translator, theme, portalContainer, announce, requireReason],
  );

  return (
    <QueryClientProvider client={client}>
      <OffboardContext.Provider value={value}>
        {children}
        <div ref={setPortalContainer} className="ob-root ob-layer" data-part="layer" data-theme={theme}>
          {/* The same region shows each result as a toast for a while (`.ob-toast`), so sighted users see it too. */}
          <div role="status" aria-live="polite" aria-atomic="true" className="ob-toast" data-part="announcer" data-state={toastShown ? 'shown' : 'idle'}>
            {/* A new node per announcement, so the same words said twice are read twice. */}
            <span key={announcement.count}>{announcement.text}</span>
          </div>
        </div>
      </OffboardContext.Provider>
    </QueryClientProvider>
  );
}
