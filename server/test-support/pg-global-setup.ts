import { mkdtemp, chmod } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { stopPgClusterAt } from './pg-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the run's shared PostgreSQL lives once a test file asks for it (pg-test-database.ts). */
    pgRunDir: string;
  }
}

/**
 * Vitest global setup: reserves a directory for one PostgreSQL shared by the whole run. Nothing starts
 * here: the first test file that calls testDatabaseUrl() starts the cluster (so runs without PostgreSQL
 * tests pay nothing), and the teardown stops it if it was started.
 */
export default async function setup(project: TestProject) {
  const runDir = await mkdtemp(path.join(os.tmpdir(), 'journey-pg-run-'));
  // The cluster directory inside belongs to the postgres user when we are root: it must reach it.
  await chmod(runDir, 0o755);
  project.provide('pgRunDir', runDir);
  return async () => {
    await stopPgClusterAt(path.join(runDir, 'data'));
    await stopPgClusterAt(runDir);
  };
}
