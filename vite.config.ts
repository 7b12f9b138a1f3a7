import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

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
  // The classroom hub's WebSocket (src/classroom/hubLink.ts) is on the page's own host: ws: or wss:.
  "connect-src 'self' http: https: ws: wss:",
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

/**
 * A service worker that precaches the whole build (pages, scripts, miner workers, styles, icons) so that after
 * one visit the app opens and mines with no network: a classroom's wifi fails. Registered by an external
 * registerSW.js (script-src 'self'; an inline registration would break the policy above). Its scope is the
 * folder the page is served from, so it works under any sub-path. Source maps stay out of the cache: only
 * DevTools asks for them.
 */
function offline() {
  return VitePWA({
    registerType: 'autoUpdate',
    injectRegister: 'script-defer',
    manifest: {
      name: 'Chainlab — a blockchain you can watch',
      short_name: 'Chainlab',
      description: 'Watch several blockchain nodes mine, disagree and agree, in your browser.',
      start_url: './',
      scope: './',
      display: 'standalone',
      background_color: '#ffffff',
      theme_color: '#2563eb',
      icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
    },
    workbox: {
      globPatterns: ['**/*.{html,js,css,svg,wasm,webmanifest}'],
      navigateFallback: 'index.html',
      cleanupOutdatedCaches: true,
      // Take over the open page as soon as the cache is filled, so the first visit is already enough.
      clientsClaim: true,
      skipWaiting: true,
    },
  });
}

// A relative base lets the same build work at any sub-path (GitHub Pages serves /<repo>/).
export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy(), offline()],
  build: { target: 'es2022', sourcemap: true },
  worker: { format: 'es' },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    setupFiles: ['test/setup.ts'],
  },
});
