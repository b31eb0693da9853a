import { defineConfig } from '@playwright/test';

/**
 * End-to-end specs: the built client (dist/client, from `vite build`) served by the real server, driven
 * by Debian's Chromium. Run through `npm run test:e2e` (e2e/run.ts finds the browser). The global setup
 * copies the build once; each worker starts its own real server on a free loopback port with a fresh
 * data directory (the `server` fixture in e2e/fixtures.ts) and stops it at the end.
 */
export default defineConfig({
  testDir: 'e2e/specs',
  globalSetup: './e2e/global-setup.ts',
  // Two cores: two workers, each with its own server and a few browser contexts.
  workers: 2,
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: 'test-results',
  forbidOnly: !!process.env.CI,
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
    // A trace of every test is recorded and kept only when it fails. Its screencast (a JPEG stream of
    // every page, the whole time) is its costliest part and would slow every passing test on two cores;
    // the DOM snapshots at each action and the failure screenshots are kept for debugging.
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: true },
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
