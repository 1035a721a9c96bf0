import { createHttpAdapter } from '@offboard/core';
import { describeOffboardConformance } from '@offboard/core/testing';
import { createHandlers } from '../src';
import { BASE_URL, backendFor, mockServer } from './mockServer';

const { server } = mockServer();

/**
 * The same conformance suite as the in-memory backend's, through the HTTP adapter, MSW and the
 * contract's server side: one suite, two adapters, identical results. Random sequences cost
 * about 0.1 s each over HTTP, so this run takes 150 of them (the in-memory run takes 1,000).
 */
describeOffboardConformance(
  'HTTP adapter over MSW',
  ({ data, policy }) => {
    server.resetHandlers(...createHandlers(backendFor({ data, policy }), { baseUrl: BASE_URL }));
    return createHttpAdapter({ baseUrl: BASE_URL, timeoutMs: 5_000 });
  },
  { sequences: 150, raceRuns: 10 },
);
