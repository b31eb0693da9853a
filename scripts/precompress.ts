/**
 * A Vite build plugin that writes a brotli (`.br`) and a gzip (`.gz`) copy beside every text file of
 * the client build, for server/http/static-files.ts to send to browsers that accept them. Our own ~40
 * lines on node:zlib rather than a plugin package: the packages on npm are either unmaintained or pull in
 * a dozen dependencies for what zlib does in one call, and precompressing at build costs nothing per
 * request at run time (brotli at its best quality is too slow to do per request).
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Files worth compressing: text. Images and fonts are compressed already; source maps only devtools load. */
const COMPRESSIBLE = /\.(html|js|mjs|css|svg|json|webmanifest|txt)$/;
/** Below this a response fits in one packet anyway and the header overhead is not worth it. */
const MIN_BYTES = 1024;

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(p)));
    else if (entry.isFile()) out.push(p);
  }
  return out;
}

/**
 * Writes `<file>.br` and `<file>.gz` for each compressible file of `dir` of at least MIN_BYTES, keeping a
 * copy only when it is smaller than the file. Returns the files it compressed.
 */
export async function precompressDir(dir: string): Promise<string[]> {
  const done: string[] = [];
  for (const file of await filesUnder(dir)) {
    if (!COMPRESSIBLE.test(file) || (await stat(file)).size < MIN_BYTES) continue;
    const raw = await readFile(file);
    const [br, gzipped] = await Promise.all([
      brotli(raw, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: raw.byteLength,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        },
      }),
      gz(raw, { level: 9 }),
    ]);
    if (br.byteLength < raw.byteLength) await writeFile(`${file}.br`, br);
    if (gzipped.byteLength < raw.byteLength) await writeFile(`${file}.gz`, gzipped);
    done.push(file);
  }
  return done;
}

export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'journey-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      await precompressDir(outDir);
    },
  };
}
