// The miner worker with the plain-JS search forced, so the benchmark can show what WebAssembly SIMD adds.
import { jsEngine } from '../src/search/engines';
import { serveMiner } from '../src/worker/workerShell';

serveMiner(jsEngine);
