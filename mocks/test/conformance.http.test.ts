import { describeOffboardConformance } from '@offboard/core/testing';
import { createHandlers } from '../src';
import { createInMemoryBackend } from '@offboard/core/in-memory';
import { BASE_URL, auth, mockServer, signedInAdapter } from './mockServer';

const { server } = mockServer();

/**
 * The same conformance suite as the in-memory backend's, through the HTTP adapter, MSW and the
 * contract's server side (`createOffboardHandler`): one suite, two adapters, identical results.
 * Each call signs in as the caller its context names, with a bearer token the demo authenticator
 * issued: the server learns the caller from the token alone. Random sequences cost about 0.1 s
 * each over HTTP, so this run takes 150 of them (the in-memory run takes 1,000).
 */
describeOffboardConformance(
  'HTTP adapter over MSW',
  ({ organisations, policy, clock }) => {
    const backend = createInMemoryBackend({ data: organisations, policy, clock });
    server.resetHandlers(...createHandlers(backend, { baseUrl: BASE_URL, authenticate: auth.authenticate }));
    // R15, R16: the schedules run, and the events are heard, on the server's backend.
    return Object.assign(signedInAdapter(), { runDueSchedules: backend.runDueSchedules, subscribe: backend.subscribe });
  },
  { sequences: 150, raceRuns: 10 },
);
