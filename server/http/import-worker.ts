/**
 * Worker thread entry: one import job in, its outcome out (the document's pieces transferred, not
 * copied), then the thread ends. See import-work.ts for why, run-import.ts for the caller.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { importWork, type ImportJob } from './import-work';

const outcome = importWork(workerData as ImportJob);
// Each piece's bytes are moved, not copied (a piece that is a view of a larger buffer is copied first).
if (outcome.ok) outcome.parts = outcome.parts.map((p) => (p.byteOffset === 0 && p.byteLength === p.buffer.byteLength ? p : p.slice()));
parentPort!.postMessage(outcome, outcome.ok ? outcome.parts.map((p) => p.buffer as ArrayBuffer) : []);
