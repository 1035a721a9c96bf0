import { describeOffboardConformance } from '@offboard/core/testing';
import { createHandlers } from '../src';
import { BASE_URL, auth, backendFor, mockServer, signedInAdapter } from './mockServer';

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
  ({ organisations, policy }) => {
    server.resetHandlers(...createHandlers(backendFor({ data: organisations, policy }), { baseUrl: BASE_URL, authenticate: auth.authenticate }));
    return signedInAdapter();
  },
  { sequences: 150, raceRuns: 10 },
);
