import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// A relative base lets the same build work at any sub-path (GitHub Pages serves /<repo>/).
export default defineConfig({
  base: './',
  plugins: [react()],
  build: { target: 'es2022', sourcemap: true },
  worker: { format: 'es' },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    setupFiles: ['test/setup.ts'],
  },
});
