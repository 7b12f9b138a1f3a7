import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { startClassroom } from './ui/boot';
import { startFromLocation } from './ui/startFromLocation';
import { createWorkerMiner } from './worker/workerMiner';
import { askPeer } from './http/askPeer';
import './ui/app.css';

// Each node mines in its own Web Worker with real SHA-256 (main-thread fallback when Worker is missing).
const controller = startClassroom({
  miner: (found, report) => createWorkerMiner(found, { onError: report }),
  // Real nodes (Connect a real node) are asked with fetch, 5 s at most, as the HTTP node asks its peers.
  net: (to, request, base) => askPeer(to, request, 5000, base),
});

// A shared link (#s=…) replays that run; otherwise the autosave, otherwise the fresh classroom.
void startFromLocation(controller);

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App controller={controller} />
  </StrictMode>,
);
