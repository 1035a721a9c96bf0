import { createInMemoryBackend } from '../src/inMemory';
import { describeOffboardConformance } from '../src/testing';

// Set by the mutation run (vitest.mutation.config.ts); unset, the property runs its default 1,000 sequences.
const sequences = Number(process.env.OFFBOARD_PROPERTY_SEQUENCES) || undefined;

describeOffboardConformance('in-memory backend', ({ organisations, policy, clock }) => createInMemoryBackend({ data: organisations, policy, clock }), { sequences });
