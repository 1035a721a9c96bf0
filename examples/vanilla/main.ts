import type { Caller } from '@offboard/core';
import { DEMO_ACTOR_ID, DEMO_NOW, demoOrganisation } from '@offboard/core/fixtures';
import { createTranslator, resolveCatalog } from '@offboard/core/i18n';
import { OffboardError, type OffboardAdapter } from '@offboard/core';
import { createInMemoryBackend } from '@offboard/core/in-memory';
import { mountUserActionsMenu } from './userActionsMenu';

/**
 * The demo page: the demo organisation on the in-memory backend, Ana (an admin) signed in, and a
 * plain-DOM actions menu per user. The browser suite drives it in Chromium; `window.__vanilla`
 * lets it read the backend and lose the next answer of a change (it is applied, its answer never
 * arrives), as the stories' `__offboardStory` does.
 */
const data = demoOrganisation();
const backend = createInMemoryBackend({ data, clock: () => new Date(DEMO_NOW) });
const lost = new Set<keyof OffboardAdapter>();
const adapter = new Proxy(backend, {
  get(target, name: keyof OffboardAdapter) {
    const method = target[name] as unknown;
    if (typeof method !== 'function') return method;
    return async (...args: unknown[]) => {
      const answer = await (method as (...a: unknown[]) => Promise<unknown>).apply(target, args);
      if (lost.delete(name)) throw new OffboardError('NETWORK_ERROR', { reason: 'network' });
      return answer;
    };
  },
});
const caller: Caller = { organisationId: data.organisationId, actorId: DEMO_ACTOR_ID, kind: 'user' };
const observer: Caller = { organisationId: data.organisationId, actorId: 'svc-page-observer', kind: 'service' };
const translator = createTranslator(document.documentElement.lang || 'en', resolveCatalog());

const list = document.getElementById('users')!;
for (const userId of ['u-elena', 'u-diego', 'u-karla']) {
  const user = data.users.find((each) => each.id === userId)!;
  const row = list.appendChild(document.createElement('li'));
  row.appendChild(document.createElement('span')).textContent = user.name;
  mountUserActionsMenu(row, { adapter, caller, user, translator });
}

Object.assign(window, { __vanilla: { backend, observer, loseNextAnswer: (method: keyof OffboardAdapter) => lost.add(method) } });
