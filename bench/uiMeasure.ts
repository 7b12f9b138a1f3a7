// What bench/ui.ts measures inside the app's page: frame gaps (requestAnimationFrame), long tasks
// (PerformanceObserver "longtask") and what ran in them, from the long animation frames that hold them
// ("long-animation-frame", Chromium 123+: the scripts with their source file, and when style and layout began),
// for `ms` of wall time. Runs in the page through page.evaluate, so it imports nothing and declares its types.

export interface LongFrameScript {
  readonly source: string;
  readonly invoker: string;
  readonly ms: number;
}

/** One long task and what filled it. */
export interface LongTask {
  readonly ms: number;
  /** "app": the app's own scripts ran in it (its rendering then lays out what they changed); else "other". */
  readonly by: 'app' | 'other';
  /** Time in the app's scripts, in other scripts (the benchmark's, the browser's), in forced style and layout. */
  readonly appScriptMs: number;
  readonly otherScriptMs: number;
  readonly forcedLayoutMs: number;
  /** Style, layout and paint at the end of the frame (from style and layout's start to the frame's end). */
  readonly renderMs: number;
}

export interface PageWindow {
  /** Gaps between consecutive animation frames, ms. */
  readonly gaps: number[];
  readonly longTasks: LongTask[];
  /** Scripts that ran in frames of 50 ms or more, longest first (at most 8). */
  readonly longFrameScripts: LongFrameScript[];
}

export function measureWindow(ms: number): Promise<PageWindow> {
  interface Script {
    sourceURL: string;
    invoker: string;
    startTime: number;
    duration: number;
    forcedStyleAndLayoutDuration: number;
  }
  interface Frame {
    startTime: number;
    duration: number;
    styleAndLayoutStart: number;
    scripts: Script[];
  }
  return new Promise((resolve) => {
    const tasks: { start: number; ms: number }[] = [];
    const frames: Frame[] = [];
    // The app's own code is what its origin serves; a script without a file (the benchmark's page.evaluate,
    // the browser's own) is someone else's.
    const ours = (url: string) => url.startsWith(location.origin);
    const taskObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push({ start: e.startTime, ms: e.duration });
    });
    taskObserver.observe({ type: 'longtask' });
    const frameObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as Frame[]) if (e.duration >= 50) frames.push(e);
    });
    try {
      frameObserver.observe({ type: 'long-animation-frame' });
    } catch {
      // An older Chromium: long tasks are still counted, without what ran in them.
    }
    const attribute = (task: { start: number; ms: number }): LongTask => {
      const end = task.start + task.ms;
      const inTask = (t: number) => t >= task.start - 1 && t <= end + 1;
      let appScriptMs = 0;
      let otherScriptMs = 0;
      let forcedLayoutMs = 0;
      let renderMs = 0;
      for (const f of frames) {
        const frameEnd = f.startTime + f.duration;
        if (frameEnd < task.start || f.startTime > end) continue;
        for (const s of f.scripts) {
          if (!inTask(s.startTime)) continue;
          if (ours(s.sourceURL)) appScriptMs += s.duration;
          else otherScriptMs += s.duration;
          forcedLayoutMs += s.forcedStyleAndLayoutDuration;
        }
        if (f.styleAndLayoutStart > 0 && inTask(f.styleAndLayoutStart))
          renderMs += Math.min(frameEnd, end) - f.styleAndLayoutStart;
      }
      const r = (x: number) => Math.round(x);
      return {
        ms: r(task.ms),
        by: appScriptMs > 0 ? 'app' : 'other',
        appScriptMs: r(appScriptMs),
        otherScriptMs: r(otherScriptMs),
        forcedLayoutMs: r(forcedLayoutMs),
        renderMs: r(renderMs),
      };
    };
    const times: number[] = [];
    const start = performance.now();
    const frame = (t: number) => {
      times.push(t);
      if (t - start < ms) {
        requestAnimationFrame(frame);
        return;
      }
      // Entries of the last frames are delivered after it: one more task, then stop listening.
      setTimeout(() => {
        for (const e of taskObserver.takeRecords()) tasks.push({ start: e.startTime, ms: e.duration });
        for (const e of frameObserver.takeRecords() as unknown as Frame[])
          if (e.duration >= 50) frames.push(e);
        taskObserver.disconnect();
        frameObserver.disconnect();
        const scripts = frames.flatMap((f) =>
          f.scripts.map((s) => ({ source: s.sourceURL, invoker: s.invoker, ms: Math.round(s.duration) })),
        );
        resolve({
          gaps: times.slice(1).map((x, i) => x - times[i]!),
          longTasks: tasks.filter((x) => x.start >= start).map(attribute),
          longFrameScripts: scripts.sort((a, b) => b.ms - a.ms).slice(0, 8),
        });
      }, 100);
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
