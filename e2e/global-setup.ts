/**
 * Runs once before all workers: copies the built client (dist/client) to a private directory that
 * every worker's server serves (E2E_STATIC_DIR). In a shared checkout another `vite build` may empty
 * dist/client at any moment; one verified copy at the start keeps the whole run on one build.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const BUILT = path.resolve(import.meta.dirname, '../dist/client');
const ATTEMPTS = 30;

/** True when index.html and every asset it references are in `dir`. */
function isComplete(dir: string): boolean {
  const index = path.join(dir, 'index.html');
  if (!existsSync(index)) return false;
  const assets = [...readFileSync(index, 'utf8').matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]);
  return assets.length > 0 && assets.every((a) => existsSync(path.join(dir, a)));
}

export default async function globalSetup(): Promise<() => void> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'journey-e2e-client-'));
  const copy = path.join(tmp, 'client');
  for (let i = 0; i < ATTEMPTS; i++) {
    rmSync(copy, { recursive: true, force: true });
    if (isComplete(BUILT)) {
      cpSync(BUILT, copy, { recursive: true, filter: (src) => !src.endsWith('.map') });
      if (isComplete(copy)) {
        process.env.E2E_STATIC_DIR = copy;
        return () => rmSync(tmp, { recursive: true, force: true });
      }
    }
    await new Promise((r) => setTimeout(r, 1000)); // a build may be running right now
  }
  rmSync(tmp, { recursive: true, force: true });
  throw new Error(`no complete build in ${BUILT}: run \`vite build\` first.`);
}
