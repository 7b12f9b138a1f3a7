// Which Chromium the browser tests drive. A pure lookup (the environment, a `which` and an `exists` come in as
// arguments, so a unit test can try every machine), the same lookup on this machine, and the e2e suite's global
// setup: when no browser is found it fails once, with one line saying how to get one, before any test file runs.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface LookupWorld {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The full path of a command on PATH, or null. */
  readonly which: (command: string) => string | null;
  /** Whether a file exists at this path. */
  readonly exists: (path: string) => boolean;
  /** Where Playwright keeps its own browser, if a user ran `npx playwright install chromium` (may not exist). */
  readonly playwrightPath: () => string | null;
}

export type Found = { readonly ok: true; readonly path: string; readonly from: string } | NotFound;
export interface NotFound {
  readonly ok: false;
  readonly message: string;
}

/** Commands tried on PATH, in order: Debian's, Ubuntu's and Google's names. */
export const COMMANDS = ['chromium', 'chromium-browser', 'google-chrome'] as const;
export const FIXED_PATHS = [
  '/usr/bin/chromium', // Debian's package, even when /usr/bin is not on PATH
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
] as const;

export const INSTALL_HINT =
  'No Chromium found for the browser tests: install it (Debian/Ubuntu: sudo apt-get install chromium; ' +
  'macOS: install Google Chrome) or set CHROMIUM_PATH to a Chrome or Chromium executable.';

export function findChromium(w: LookupWorld): Found {
  const set = w.env.CHROMIUM_PATH;
  if (set !== undefined && set !== '')
    return w.exists(set)
      ? { ok: true, path: set, from: 'CHROMIUM_PATH' }
      : { ok: false, message: `CHROMIUM_PATH is set to ${set}, but there is no file there. ${INSTALL_HINT}` };
  let own: string | null = null;
  try {
    own = w.playwrightPath();
  } catch {
    // playwright-core throws on a platform it has no browser build for: then there is no browser of its own.
  }
  if (own && w.exists(own)) return { ok: true, path: own, from: "Playwright's own browser" };
  for (const command of COMMANDS) {
    const path = w.which(command);
    if (path) return { ok: true, path, from: `${command} on PATH` };
  }
  for (const path of FIXED_PATHS) if (w.exists(path)) return { ok: true, path, from: path };
  return { ok: false, message: INSTALL_HINT };
}

const isFile = (path: string) => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/** `which`: the first executable file named `command` in the folders of PATH. */
export function whichOnPath(command: string, path = process.env.PATH ?? ''): string | null {
  for (const folder of path.split(delimiter)) {
    if (!folder) continue;
    const candidate = join(folder, command);
    try {
      accessSync(candidate, constants.X_OK);
      if (isFile(candidate)) return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/** The lookup on this machine; `playwrightPath` is chromium.executablePath() from playwright-core. */
export function findChromiumHere(playwrightPath: () => string | null): Found {
  return findChromium({ env: process.env, which: (c) => whichOnPath(c), exists: isFile, playwrightPath });
}

/** Vitest globalSetup (vitest.e2e.config.ts): one clear line instead of a stack trace in every test file. */
export default async function setup(): Promise<void> {
  const { chromium } = await import('playwright-core');
  const found = findChromiumHere(() => chromium.executablePath());
  if (!found.ok) {
    const error = new Error(found.message);
    error.stack = found.message; // the sentence is the whole story: no trace of this file's lines
    throw error;
  }
}
