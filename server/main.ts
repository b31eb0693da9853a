import { startServer } from './app';
import { configFromEnv, type ServerConfig } from './config';
import { createLogger } from './log';
import { DataDirDamagedError, DataDirLockedError } from './storage/level-store';
import { DatabaseUnavailableError } from './storage/pg/pg-store';

// Relative paths (DATA_DIR, STATIC_DIR) are taken from the directory the server is started in.
let config: ServerConfig;
try {
  config = configFromEnv(process.env, process.cwd());
} catch (err) {
  process.stderr.write(`Journey Studio could not start: ${(err as Error).message}\n`);
  process.exit(1);
}
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
  process.stderr.write(startBanner(server.url, server.networkUrl(), config.publicUrl));
} catch (err) {
  if (err instanceof DataDirDamagedError) {
    log.error('data directory damaged: not starting', { dataDir: err.dir, problem: err.problem });
    process.stderr.write(`${err.message}\n`);
  } else if (err instanceof DataDirLockedError) {
    log.error(err.message);
    process.stderr.write(`${err.message}\nStop the other server or set DATA_DIR to another directory.\n`);
  } else if (err instanceof DatabaseUnavailableError) {
    log.error('database unavailable: not starting', { problem: err.message });
    process.stderr.write(`Journey Studio could not start: ${err.message}\nCheck DATABASE_URL (or unset it to use the embedded store in DATA_DIR).\n`);
  } else {
    log.error('could not start', { err: String(err) });
    process.stderr.write(`Journey Studio could not start: ${String(err)}\n`);
  }
  process.exit(1);
}

/** The human lines on stderr (the log on stdout is JSON): where to open it, and where phones join. */
function startBanner(url: string, networkUrl: string | null, publicUrl: string | null): string {
  const lines = [`Journey Studio is running at ${url}`];
  if (publicUrl) lines.push(`Share links use ${publicUrl} (PUBLIC_URL).`);
  else if (networkUrl) lines.push(`Phones and laptops on the same network join at ${networkUrl}`);
  else lines.push('Only this computer can open it (HOST is a loopback address, or no network was found).');
  lines.push('Press Ctrl+C to stop.');
  return `${lines.join('\n')}\n`;
}
