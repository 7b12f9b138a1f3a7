import { defineConfig } from 'vitest/config';

// Real Chromium against a Vite dev server (test/e2e/browser.ts): one file at a time on 2 cores, generous
// timeouts for the browser start and for hashing.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
