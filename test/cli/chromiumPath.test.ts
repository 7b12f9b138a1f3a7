// Finding the Chromium the browser tests drive, on machines other than this one: CHROMIUM_PATH first, then
// Playwright's own browser if a user installed one, then chromium / chromium-browser / google-chrome on PATH,
// Debian's /usr/bin/chromium, and macOS's usual places. With none, one line says how to install one.
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findChromium, INSTALL_HINT, whichOnPath, type LookupWorld } from '../e2e/chromiumPath';
import { ROOT } from '../support/runCli';

const PW = '/home/ana/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';
const MAC_CHROME = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
const MAC_CHROMIUM = '/Applications/Chromium.app/Contents/MacOS/Chromium';

/** A machine with these files, these commands on PATH and this environment. */
function machine(o: {
  files?: readonly string[];
  onPath?: Readonly<Record<string, string>>;
  env?: Record<string, string>;
  playwright?: string | null | Error;
}): LookupWorld {
  const files = new Set(o.files ?? []);
  return {
    env: o.env ?? {},
    which: (c) => o.onPath?.[c] ?? null,
    exists: (p) => files.has(p),
    playwrightPath: () => {
      if (o.playwright instanceof Error) throw o.playwright;
      return o.playwright ?? PW;
    },
  };
}

const found = (path: string) => expect.objectContaining({ ok: true, path });

describe('findChromium', () => {
  const everything = machine({
    files: ['/opt/chrome', PW, '/usr/bin/chromium', MAC_CHROME, MAC_CHROMIUM],
    onPath: { chromium: '/usr/local/bin/chromium', 'chromium-browser': '/snap/bin/chromium-browser' },
    env: { CHROMIUM_PATH: '/opt/chrome' },
  });

  it('takes CHROMIUM_PATH before anything else', () => {
    expect(findChromium(everything)).toEqual({ ok: true, path: '/opt/chrome', from: 'CHROMIUM_PATH' });
  });

  it('says so when CHROMIUM_PATH names no file, instead of quietly using another browser', () => {
    const r = findChromium(machine({ files: ['/usr/bin/chromium'], env: { CHROMIUM_PATH: '/opt/nope' } }));
    expect(r).toEqual({
      ok: false,
      message: expect.stringMatching(/^CHROMIUM_PATH is set to \/opt\/nope, but/),
    });
  });

  it('ignores an empty CHROMIUM_PATH', () => {
    expect(findChromium(machine({ files: ['/usr/bin/chromium'], env: { CHROMIUM_PATH: '' } }))).toEqual(
      found('/usr/bin/chromium'),
    );
  });

  it("then Playwright's own browser, only if that file exists", () => {
    const { env: _env, ...rest } = everything;
    expect(findChromium({ ...rest, env: {} })).toEqual(found(PW));
    const notInstalled = machine({ files: ['/usr/bin/chromium'] });
    expect(findChromium(notInstalled)).toEqual(found('/usr/bin/chromium'));
    const noBuild = machine({ files: ['/usr/bin/chromium'], playwright: new Error('unsupported platform') });
    expect(findChromium(noBuild)).toEqual(found('/usr/bin/chromium'));
  });

  it('then chromium, chromium-browser, google-chrome on PATH, in that order', () => {
    const onPath = {
      chromium: '/a/chromium',
      'chromium-browser': '/b/chromium-browser',
      'google-chrome': '/c/google-chrome',
    };
    expect(findChromium(machine({ onPath, files: ['/usr/bin/chromium'] }))).toEqual(found('/a/chromium'));
    const { chromium: _c, ...two } = onPath;
    expect(findChromium(machine({ onPath: two }))).toEqual(found('/b/chromium-browser'));
    expect(findChromium(machine({ onPath: { 'google-chrome': '/c/google-chrome' } }))).toEqual(
      found('/c/google-chrome'),
    );
  });

  it("then Debian's /usr/bin/chromium off PATH, then Chrome and Chromium on macOS", () => {
    expect(findChromium(machine({ files: ['/usr/bin/chromium', MAC_CHROME] }))).toEqual(
      found('/usr/bin/chromium'),
    );
    expect(findChromium(machine({ files: [MAC_CHROME, MAC_CHROMIUM] }))).toEqual(found(MAC_CHROME));
    expect(findChromium(machine({ files: [MAC_CHROMIUM] }))).toEqual(found(MAC_CHROMIUM));
  });

  it('with none, one line that says how to install one', () => {
    const r = findChromium(machine({}));
    expect(r).toEqual({ ok: false, message: INSTALL_HINT });
    expect(INSTALL_HINT).not.toContain('\n');
    expect(INSTALL_HINT).toContain('sudo apt-get install chromium');
    expect(INSTALL_HINT).toContain('CHROMIUM_PATH');
  });
});

describe('whichOnPath', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chainlab-which-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds an executable file, not a plain file or a folder of that name', () => {
    for (const d of ['a', 'b', 'c']) mkdirSync(join(dir, d));
    writeFileSync(join(dir, 'a', 'chromium'), 'not executable');
    mkdirSync(join(dir, 'b', 'chromium'));
    writeFileSync(join(dir, 'c', 'chromium'), '#!/bin/sh\n');
    chmodSync(join(dir, 'c', 'chromium'), 0o755);
    const path = ['', join(dir, 'a'), join(dir, 'b'), join(dir, 'c')].join(':');
    expect(whichOnPath('chromium', path)).toBe(join(dir, 'c', 'chromium'));
    expect(whichOnPath('google-chrome', path)).toBeNull();
  });
});

describe('the browser tests on a machine without Chromium', () => {
  it('stop once, with the one line, and no stack trace', async () => {
    const r = await new Promise<{ code: number; out: string }>((resolve) =>
      execFile(
        process.execPath,
        [
          'node_modules/vitest/vitest.mjs',
          'run',
          '--config',
          'vitest.e2e.config.ts',
          'test/e2e/worker.test.ts',
        ],
        {
          cwd: ROOT,
          timeout: 60_000,
          env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chrome', NO_COLOR: '1', FORCE_COLOR: '0' },
        },
        (err, stdout, stderr) => resolve({ code: err ? Number(err.code) : 0, out: stdout + stderr }),
      ),
    );
    expect(r.code).not.toBe(0);
    const line = `CHROMIUM_PATH is set to /nonexistent/chrome, but there is no file there. ${INSTALL_HINT}`;
    expect(r.out.split(line)).toHaveLength(2); // exactly once
    expect(r.out).not.toMatch(/^\s+at /m);
    expect(r.out).not.toMatch(/✓|×/); // no test file ran
  }, 60_000);
});
