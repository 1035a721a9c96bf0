export { createHandlers, type MockHandlers, type MockOptions } from './createHandlers';
export { createFaultController, type ArmedFault, type Fault, type FaultController, type FaultTarget } from './faults';
export type { Latency } from './latency';
