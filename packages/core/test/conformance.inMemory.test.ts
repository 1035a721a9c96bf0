import { createInMemoryBackend } from '../src';
import { describeOffboardConformance } from '../src/testing';

describeOffboardConformance('in-memory backend', ({ data, policy }) => createInMemoryBackend({ data, policy }));
