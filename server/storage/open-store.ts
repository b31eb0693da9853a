import type { ServerConfig } from '../config';
import type { Logger } from '../log';
import type { Metrics } from '../metrics';
import type { BoardStore } from './board-store';
import { LevelBoardStore } from './level-store';
import { PgBoardStore } from './pg/pg-store';

/** PostgreSQL when DATABASE_URL is set, otherwise LevelDB in the data directory. */
export async function openStore(config: ServerConfig, log: Logger, metrics: Metrics): Promise<BoardStore> {
  if (config.databaseUrl) {
    return PgBoardStore.open(config.databaseUrl, {
      poolSize: config.databasePoolSize,
      onIdleError: (err) => log.warn('database connection lost (the pool opens a new one when needed)', { err: String(err) }),
    });
  }
  const store = await LevelBoardStore.open(config.dataDir, { fsync: config.fsync });
  for (const torn of store.startup.tornWrites) {
    metrics.tornWriteBytes += torn.bytes;
    log.warn('store log ended in a torn write (a crash during a write); that write was dropped', { file: torn.file, bytes: torn.bytes });
  }
  return store;
}
