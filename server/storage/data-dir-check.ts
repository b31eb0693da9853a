import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { scanLog } from './leveldb-log';

/**
 * What the server checks in DATA_DIR before LevelDB touches it. LevelDB's own open is not safe on a
 * damaged directory: without a CURRENT file it creates a fresh, empty database and then deletes every
 * older table and log as obsolete; with a damaged log it skips what it cannot read and deletes the log.
 * Both happen silently. So anything doubtful stops the start, with the directory left as it was.
 */
export class DataDirDamagedError extends Error {
  constructor(
    readonly dir: string,
    readonly problem: string,
  ) {
    super(
      `The data directory ${dir} holds a store that cannot be used safely: ${problem}\n` +
        `The server did not start and changed none of its data files. To recover what is readable into a new directory, run\n` +
        `  npm run salvage -- ${quote(dir)} ${quote(`${dir}-salvaged`)}\n` +
        `then start with DATA_DIR set to the new directory, and keep the damaged one until the boards are checked.\n` +
        `docs/operations.md ("A damaged data directory") explains each step.`,
    );
  }
}

const quote = (p: string) => (/^[\w./:@-]+$/.test(p) ? p : `'${p.replace(/'/g, `'\\''`)}'`);

/** LevelDB's files that hold data (CURRENT, LOCK and the LOG text files do not). */
const DATA_FILE = /^(MANIFEST-\d+|\d+\.(log|ldb|sst))$/;

export interface DataDirState {
  /** No LevelDB data here (missing or empty directory): a new store may be created. */
  fresh: boolean;
  /** Torn last writes LevelDB will drop on open: what a crash in the middle of a write leaves. */
  tornWrites: Array<{ file: string; bytes: number }>;
}

async function listing(dir: string): Promise<string[] | null> {
  try {
    return await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** Throws DataDirDamagedError when opening `dir` could lose data; otherwise says what opening will do. */
export async function checkDataDir(dir: string): Promise<DataDirState> {
  const files = await listing(dir);
  const dataFiles = (files ?? []).filter((f) => DATA_FILE.test(f));
  const hasCurrent = (files ?? []).includes('CURRENT');
  if (dataFiles.length === 0 && !hasCurrent) return { fresh: true, tornWrites: [] };
  if (!hasCurrent) {
    throw new DataDirDamagedError(dir, `its CURRENT file is missing (${dataFiles.length} data files are there). Starting would create an empty store and delete them.`);
  }
  const current = (await readFile(path.join(dir, 'CURRENT'), 'utf8').catch(() => '')).trim();
  if (!/^MANIFEST-\d+$/.test(current)) {
    throw new DataDirDamagedError(dir, 'its CURRENT file does not name a MANIFEST file.');
  }
  const manifest = await stat(path.join(dir, current)).catch(() => null);
  if (!manifest || manifest.size === 0) {
    throw new DataDirDamagedError(dir, `the file ${current} named by CURRENT is ${manifest ? 'empty' : 'missing'}.`);
  }
  const tornWrites: DataDirState['tornWrites'] = [];
  for (const file of dataFiles.filter((f) => f.endsWith('.log')).sort()) {
    const scan = scanLog(new Uint8Array(await readFile(path.join(dir, file))));
    if (scan.damagedInTheMiddle) {
      const bytes = scan.damage.reduce((n, d) => n + d.length, 0);
      throw new DataDirDamagedError(
        dir,
        `its write-ahead log ${file} is damaged at byte ${scan.damage[0].offset} (${bytes} bytes unreadable) with intact writes after the damage. ` +
          'Starting would drop those writes for good.',
      );
    }
    if (scan.tornTailBytes > 0) tornWrites.push({ file, bytes: scan.tornTailBytes });
  }
  return { fresh: false, tornWrites };
}
