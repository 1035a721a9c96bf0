export { HEALTH_PATH, createOffboardServer, type FetchHandler, type OffboardServer, type OffboardServerOptions } from './createOffboardServer';
