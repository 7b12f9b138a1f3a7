// What bench/ui.ts measures inside the app's page: frame gaps (requestAnimationFrame), long tasks
// (PerformanceObserver "longtask") and the scripts behind long animation frames ("long-animation-frame",
// Chromium 123+), for `ms` of wall time. Runs in the page through page.evaluate, so it imports nothing.

export interface LongFrameScript {
  readonly source: string;
  readonly invoker: string;
  readonly ms: number;
}

export interface PageWindow {
  /** Gaps between consecutive animation frames, ms. */
  readonly gaps: number[];
  readonly longTasks: number[];
  /** Scripts that ran in frames of 50 ms or more, longest first (at most 8). */
  readonly longFrameScripts: LongFrameScript[];
}

export function measureWindow(ms: number): Promise<PageWindow> {
  return new Promise((resolve) => {
    const longTasks: number[] = [];
    const scripts: LongFrameScript[] = [];
    const tasks = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push(e.duration);
    });
    tasks.observe({ type: 'longtask' });
    const frames = new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as {
        duration: number;
        scripts?: { sourceURL: string; invoker: string; duration: number }[];
      }[]) {
        if (e.duration < 50) continue;
        for (const s of e.scripts ?? [])
          scripts.push({ source: s.sourceURL, invoker: s.invoker, ms: Math.round(s.duration) });
      }
    });
    try {
      frames.observe({ type: 'long-animation-frame' });
    } catch {
      // An older Chromium: long tasks are still counted, without their scripts.
    }
    const times: number[] = [];
    const start = performance.now();
    const frame = (t: number) => {
      times.push(t);
      if (t - start < ms) requestAnimationFrame(frame);
      else {
        tasks.disconnect();
        frames.disconnect();
        resolve({
          gaps: times.slice(1).map((x, i) => x - times[i]!),
          longTasks,
          longFrameScripts: scripts.sort((a, b) => b.ms - a.ms).slice(0, 8),
        });
      }
    };
    requestAnimationFrame(frame);
  });
}

/** JavaScript files the page had requested before its first contentful paint, and all of them so far. */
export function scriptsBeforeFirstPaint(): { before: string[]; all: string[]; fcp: number | null } {
  const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
  const js = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) =>
    new URL(e.name).pathname.endsWith('.js'),
  );
  return {
    before: js.filter((e) => fcp !== null && e.startTime <= fcp).map((e) => e.name),
    all: js.map((e) => e.name),
    fcp,
  };
}
