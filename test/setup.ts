import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';

// Unmount rendered components between tests (jsdom tests only; vitest runs without globals).
afterEach(async () => {
  if (typeof document === 'undefined') return;
  const { cleanup } = await import('@testing-library/react');
  cleanup();
});
