import { createInMemoryBackend } from '../src/inMemory';
import { describeOffboardConformance } from '../src/testing';

describeOffboardConformance('in-memory backend', ({ data, policy }) => createInMemoryBackend({ data, policy }));
