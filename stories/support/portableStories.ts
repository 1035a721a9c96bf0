import '@testing-library/jest-dom/vitest';
// jsdom has no layout: the same stubs as the React package's tests, so virtualised lists render rows.
import '../../packages/react/test/jsdomLayout';
import { setProjectAnnotations } from '@storybook/react-vite';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll } from 'vitest';
import preview from '../../.storybook/preview';
import { createOffboardLoader } from './offboardLoader';

/**
 * Stories under vitest: the same preview, but MSW answers through its Node server instead of the
 * service worker, and with no latency.
 */
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
(globalThis as { OFFBOARD_NO_LATENCY?: boolean }).OFFBOARD_NO_LATENCY = true;

setProjectAnnotations([{ ...preview, loaders: [createOffboardLoader(async () => server as never) as never] }]);
