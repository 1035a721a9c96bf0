import { createInMemoryBackend } from '../src/inMemory';
import { describeOffboardConformance } from '../src/testing';

describeOffboardConformance('in-memory backend', ({ organisations, policy }) => createInMemoryBackend({ data: organisations, policy }));
