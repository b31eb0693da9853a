import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { precompress } from './scripts/precompress.ts';

// One config for the client build and for Vitest (unit + server integration tests).
export default defineConfig({
  root: 'client',
  plugins: [react(), precompress()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/ws': { target: 'ws://127.0.0.1:8080', ws: true },
    },
  },
  test: {
    root: '.',
    include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'client/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Two test files at a time. Vitest's default on a 2-core machine is one (cores − 1), but the slow
    // files (server processes, restarts, sockets) mostly wait: two at once ran the suite in 271 s
    // instead of 344 s on the same busy machine (2026-12-02).
    maxWorkers: 2,
    // One throwaway PostgreSQL for the run, started only when a test file asks for a database.
    globalSetup: ['server/test-support/pg-global-setup.ts'],
  },
});
