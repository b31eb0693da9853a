import type { ServerConfig } from './config';
import { RepeatLimiter, shortFields } from './log-limit';

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 } as const;
type Level = Exclude<keyof typeof LEVELS, 'silent'>;

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/**
 * Structured logs: one JSON object per line on stdout. Fields carry board ids, never tokens:
 * callers pass what they want logged explicitly, and nothing logs a URL with its query string.
 */
export function createLogger(level: ServerConfig['logLevel'], out: (line: string) => void = (l) => process.stdout.write(l + '\n')): Logger {
  const min = LEVELS[level];
  const line = (lvl: Level, msg: string, fields?: Record<string, unknown>) =>
    out(JSON.stringify({ time: new Date().toISOString(), level: lvl, msg, ...shortFields(fields) }));
  // The same message over and over is written a few times, then counted (log-limit.ts).
  const repeats = new RepeatLimiter((key, suppressed) => {
    const at = key.indexOf(' ');
    line(key.slice(0, at) as Level, 'repeated log lines suppressed', { of: key.slice(at + 1), suppressed });
  });
  const write = (lvl: Level, msg: string, fields?: Record<string, unknown>) => {
    if (LEVELS[lvl] < min) return;
    if (repeats.allow(`${lvl} ${msg}`)) line(lvl, msg, fields);
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}

/** A logger that adds `instance` to every line. */
export function namedLogger(log: Logger, instance: string): Logger {
  const f = (fields?: Record<string, unknown>) => ({ instance, ...fields });
  return {
    debug: (m, x) => log.debug(m, f(x)),
    info: (m, x) => log.info(m, f(x)),
    warn: (m, x) => log.warn(m, f(x)),
    error: (m, x) => log.error(m, f(x)),
  };
}
