import { backendBenchmarks } from './backend.bench';
import { machineBenchmarks } from './machines.bench';
import { printTable } from './measure';

printTable([...(await machineBenchmarks()), ...(await backendBenchmarks())]);
