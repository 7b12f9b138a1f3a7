import { defineConfig } from 'vitest/config';

// Real Chromium against a Vite dev server (test/e2e/browser.ts): one file at a time on 2 cores, generous
// timeouts for the browser start and for hashing. The global setup looks for a Chromium once and, when there is
// none, stops the run with one line saying how to install it (test/e2e/chromiumPath.ts).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/e2e/chromiumPath.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
