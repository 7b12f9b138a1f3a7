// The miner worker with the older 4-lane search (one WebAssembly call per 4 nonces, the loop in JS), so the
// benchmark shows in the same run what moving the loop into WebAssembly adds (src/search/loopSearch.ts).
import { simdEngine } from '../src/search/engines';
import { serveMiner } from '../src/worker/workerShell';

serveMiner(simdEngine);
