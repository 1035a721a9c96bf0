import { createInMemoryBackend } from '../../src/inMemory';
import { describeScimBridge } from './bridgeSuite';

describeScimBridge('in-memory backend', async (organisations) => createInMemoryBackend({ data: organisations }));
