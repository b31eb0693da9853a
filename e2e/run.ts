/**
 * `npm run test:e2e` after `vite build`: finds a Chromium (Playwright cannot download its own browsers
 * here), then runs the Playwright specs against it and exits with their exit code.
 *   CHROMIUM_PATH  a Chromium or Chrome executable to use instead of /usr/bin/chromium
 * Also makes sure of `rsvg-convert` (Debian's librsvg2-bin), which the export spec uses to render the SVG
 * export the way desktop tools do; installed from Debian when missing, like Chromium.
 * Extra arguments go to `playwright test` (e.g. `npx tsx e2e/run.ts specs/home`).
 */
import { execSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const root = path.resolve(import.meta.dirname, '..');

function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) fail(`CHROMIUM_PATH is set to ${fromEnv}, but there is no file there.`);
    return fromEnv;
  }
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;

  const install = 'apt-get update && apt-get install -y chromium';
  console.log(`e2e: no Chromium at ${DEBIAN_CHROMIUM} and CHROMIUM_PATH is not set; installing Debian's package:\n  ${install}`);
  try {
    execSync(install, { stdio: 'inherit', shell: '/bin/bash' });
  } catch {
    fail(`could not install Chromium with \`${install}\` (it needs root and Debian's package mirrors).\n` +
      'Install Chromium yourself and set CHROMIUM_PATH to its executable.');
  }
  if (!existsSync(DEBIAN_CHROMIUM)) fail(`the chromium package installed, but ${DEBIAN_CHROMIUM} is missing; set CHROMIUM_PATH.`);
  return DEBIAN_CHROMIUM;
}

/** A Debian tool the specs run, installed from its package when missing (needs root and the mirrors). */
function ensureDebianTool(file: string, pkg: string): void {
  if (existsSync(file)) return;
  const install = `apt-get update && apt-get install -y ${pkg}`;
  console.log(`e2e: no ${file}; installing Debian's package:\n  ${install}`);
  try {
    execSync(install, { stdio: 'inherit', shell: '/bin/bash' });
  } catch {
    fail(`could not install ${pkg} with \`${install}\` (it needs root and Debian's package mirrors). Install it yourself.`);
  }
  if (!existsSync(file)) fail(`the ${pkg} package installed, but ${file} is missing.`);
}

function fail(message: string): never {
  console.error(`e2e: ${message}`);
  process.exit(1);
}

if (!existsSync(path.join(root, 'dist/client/index.html'))) fail('dist/client/index.html is missing: run `vite build` first.');

const chromium = findChromium();
console.log(`e2e: using Chromium at ${chromium}`);
ensureDebianTool('/usr/bin/rsvg-convert', 'librsvg2-bin');
const child = spawn(
  path.join(root, 'node_modules/.bin/playwright'),
  ['test', '--config', path.join(root, 'playwright.config.ts'), ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: chromium } },
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
