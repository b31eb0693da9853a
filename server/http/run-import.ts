import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ImportJob, ImportOutcome } from './import-work';

/**
 * Runs a backup import (import-work.ts) in its own worker thread, so other boards keep being served
 * while a large backup is parsed, checked and turned into a document. One import at a time: each
 * holds a few times its body's size in memory, and imports are rare. The worker loads its TypeScript
 * through tsx, like the server itself (`npm start` runs the sources with tsx).
 */
const WORKER_URL = new URL('./import-worker.ts', import.meta.url).href;
/**
 * The worker's first lines: register tsx's loader, then load the TypeScript entry. (On Node 20 a
 * worker given a .ts file directly fails even with `--import tsx` in its flags: the entry is resolved
 * before the loader is in place.) Both paths are absolute, so the server's working directory does not matter.
 */
const TSX_API = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
const BOOT = `import(${JSON.stringify(TSX_API)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL)}); });`;

let queue: Promise<unknown> = Promise.resolve();

export function runImport(job: ImportJob): Promise<ImportOutcome> {
  const run = queue.then(() => inWorker(job));
  queue = run.catch(() => undefined);
  return run;
}

function inWorker(job: ImportJob): Promise<ImportOutcome> {
  return new Promise((resolve, reject) => {
    // The body's bytes move to the worker (transferred): this thread no longer holds them.
    const body = job.body.byteOffset === 0 && job.body.byteLength === job.body.buffer.byteLength ? job.body : job.body.slice();
    const worker = new Worker(BOOT, { eval: true, workerData: { ...job, body }, transferList: [body.buffer as ArrayBuffer] });
    let done = false;
    worker.once('message', (m: ImportOutcome) => {
      done = true;
      resolve(m);
    });
    worker.once('error', (err) => {
      done = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (!done) reject(new Error(`the import worker stopped with code ${code}`));
    });
  });
}
