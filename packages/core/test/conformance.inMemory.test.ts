import { createInMemoryBackend } from '../src/inMemory';
import { describeOffboardConformance } from '../src/testing';

describeOffboardConformance('in-memory backend', ({ organisations, policy, clock }) => createInMemoryBackend({ data: organisations, policy, clock }));
