// The Web Worker: a thin shell over the pure controller in minerLoop.ts (docs/development.md
// "Conventions"), with the fastest search this browser supports (WebAssembly SIMD, else plain JS).
import { fastestEngine } from '../search/engines';
import { serveMiner } from './workerShell';

serveMiner(fastestEngine);
