import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';

/**
 * The app's Content-Security-Policy, one directive a line. Only what the app uses: its own scripts, workers,
 * styles and images, never eval or inline script. 'wasm-unsafe-eval' is there for the WebAssembly SIMD miner
 * (src/search/sha256x4.ts compiles its module from bytes): the page compiles it when it mines on the main thread
 * (src/worker/mainThreadMiner.ts, where Web Workers are missing); the miner workers take their policy from their
 * own response, not from this <meta>. React sets style attributes through the CSSOM (element.style), which
 * style-src does not govern, so no 'unsafe-inline'. frame-ancestors, report-uri and sandbox are ignored in a
 * <meta> policy, so they are not listed.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  // Real nodes (src/ui/RealNodes.tsx) are read over HTTP from wherever they run: any http(s) origin.
  "connect-src 'self' http: https:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The policy as the first element of <head> in the production build only: the dev server (npm start) puts an
 * inline script in the page (React Refresh's preamble) and every stylesheet in an inline <style> element (that
 * is how it hot-updates CSS), both of which this policy rightly refuses.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'chainlab:content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}

// A relative base lets the same build work at any sub-path (GitHub Pages serves /<repo>/).
export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  build: { target: 'es2022', sourcemap: true },
  worker: { format: 'es' },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    setupFiles: ['test/setup.ts'],
  },
});
