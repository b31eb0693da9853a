import { startServer } from './app';
import { configFromEnv } from './config';
import { createLogger } from './log';
import { DataDirLockedError } from './storage/level-store';

// Relative paths (DATA_DIR, STATIC_DIR) are taken from the directory the server is started in.
const config = configFromEnv(process.env, process.cwd());
const log = createLogger(config.logLevel);

try {
  const server = await startServer(config, log);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down', { signal });
    await server.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  if (config.host === '127.0.0.1' || config.host === 'localhost') {
    process.stderr.write(`Journey Studio is running at http://localhost:${server.port}\n`);
  }
} catch (err) {
  if (err instanceof DataDirLockedError) {
    log.error(err.message);
    process.stderr.write(`${err.message}\nStop the other server or set DATA_DIR to another directory.\n`);
  } else {
    log.error('could not start', { err: String(err) });
    process.stderr.write(`Journey Studio could not start: ${String(err)}\n`);
  }
  process.exit(1);
}
