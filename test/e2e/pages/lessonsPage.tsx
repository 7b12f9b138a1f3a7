// The Lessons, Bug lab and Save-and-share panels around a classroom that mines with real Web Workers, booted
// with startFromLocation exactly as src/main.tsx is meant to: for test/e2e/share.test.ts.
import { hashBlock } from '../../../src/core/block';
import type { Block } from '../../../src/core/types';
import { startClassroom } from '../../../src/ui/boot';
import { BugLab } from '../../../src/ui/BugLab';
import { ControlsBar } from '../../../src/ui/ControlsBar';
import { NetworkPanel } from '../../../src/ui/NetworkPanel';
import { Notices } from '../../../src/ui/Notices';
import { SaveShare } from '../../../src/ui/SaveShare';
import { ScenarioPanel } from '../../../src/ui/ScenarioPanel';
import { startFromLocation, type Started } from '../../../src/ui/startFromLocation';
import { createWorkerMiner } from '../../../src/worker/workerMiner';
import { mountPanels } from './mountPanels';

// D = 5: about a million attempts a block, a block every second or so on this machine's workers.
const PARAMS = { pow: { rule: 'tutorial' as const, difficulty: 5 } };
const controller = startClassroom({
  params: PARAMS,
  miner: (scheduler, report) => createWorkerMiner(scheduler, { onError: report }),
});

export interface Head {
  readonly id: string;
  readonly length: number;
  readonly tip: string;
}

const heads = (): Head[] =>
  controller
    .sim()
    .nodes()
    .map((n) => ({ id: n.id, length: n.chain().length, tip: hashBlock(n.chain().at(-1) as Block) }));

export interface LessonsTestApi {
  started: Started;
  /** The nodes right after boot (read before any frame could run). */
  loadedHeads: Head[];
  heads: typeof heads;
  playing: () => boolean;
}

await mountPanels(
  controller,
  <>
    <ControlsBar />
    <Notices />
    <main className="grid">
      <div className="col">
        <NetworkPanel />
        <SaveShare storage={null} freshParams={PARAMS} />
      </div>
      <div className="col">
        <ScenarioPanel />
      </div>
      <div className="col">
        <BugLab />
      </div>
    </main>
  </>,
);
const started = await startFromLocation(controller, { storage: null });
const api: LessonsTestApi = {
  started,
  loadedHeads: heads(),
  heads,
  playing: () => controller.store.getState().playing,
};
(window as unknown as { lessonsTest: LessonsTestApi }).lessonsTest = api;
document.title = 'ready';
