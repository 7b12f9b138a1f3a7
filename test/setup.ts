import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';

// Unmount rendered components between tests (jsdom tests only; vitest runs without globals).
afterEach(async () => {
  if (typeof document === 'undefined') return;
  const { cleanup } = await import('@testing-library/react');
  cleanup();
});

// The views' English texts arrive with the views' code in the app (loadViewTexts, src/i18n/i18n.ts); a component
// test renders one panel on its own, so they are loaded before any test.
const { loadViewTexts } = await import('../src/i18n/i18n');
await loadViewTexts();
