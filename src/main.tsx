import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { CLASSROOM_PACE, startClassroom } from './ui/boot';
import { paced } from './worker/paced';
import { startFromLocation } from './ui/startFromLocation';
import { createPoolMiner } from './worker/minerPool';
import { createEngineChoice } from './worker/engineChoice';
import { askPeer } from './http/askPeer';
import { loadViewTexts, startLanguage } from './i18n/i18n';
import { isClassroomLocation } from './ui/classroom/location';
import './ui/app.css';
import './ui/paint.css';

if (isClassroomLocation(location.search)) startClassroomPage();
else startApp();

// The classroom network's join and teacher pages (README "A classroom network"): no simulation of its own. Their
// texts sit with the views' (src/i18n/classroom/en.ts, spread into enViews.ts): the remembered language and the
// English texts load beside the pages' code, before the first render, so the page never shows a key or flashes
// English first.
function startClassroomPage() {
  void Promise.all([import('./ui/classroom/ClassroomRoot'), startLanguage(), loadViewTexts()]).then(
    ([{ ClassroomRoot }]) =>
      createRoot(document.getElementById('root') as HTMLElement).render(
        <StrictMode>
          <ClassroomRoot miner={(found) => createPoolMiner(found)} />
        </StrictMode>,
      ),
  );
}

function startApp() {
  // The language the reader chose on an earlier visit (its texts a chunk of their own), before the first render.
  const language = startLanguage();

  // Every node mines with real SHA-256 on one pool of (cores − 1) Web Workers (src/worker/minerPool.ts), or on
  // the GPU when its row's switch says so and the browser offers a hardware adapter (src/worker/engineChoice.ts).
  const engines = createEngineChoice();
  const controller = startClassroom({
    engines,
    // Paced (src/worker/paced.ts): blocks a few seconds apart at the classroom's difficulty, on either engine.
    miner: (found, report) =>
      paced(
        engines.route((f) => createPoolMiner(f, { onError: report }), found, report),
        CLASSROOM_PACE,
      ),
    // Real nodes (Connect a real node) are asked with fetch, 5 s at most, as the HTTP node asks its peers.
    net: (to, request, base) => askPeer(to, request, 5000, base),
  });

  // A shared link (#s=…) replays that run; otherwise the autosave, otherwise the fresh classroom.
  void startFromLocation(controller);

  void language.then(() =>
    createRoot(document.getElementById('root') as HTMLElement).render(
      <StrictMode>
        <App controller={controller} />
      </StrictMode>,
    ),
  );
}
