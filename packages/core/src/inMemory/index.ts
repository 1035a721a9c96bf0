export { createInMemoryBackend, type InMemoryBackend, type InMemoryBackendOptions } from './createInMemoryBackend';
