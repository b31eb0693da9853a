import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { acceptedEncodings, ENCODINGS } from './accept-encoding';
import { SECURITY_HEADERS, sendError } from './respond';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

/** A regular file's size, or null when there is none. */
async function fileSize(file: string): Promise<number | null> {
  try {
    const info = await stat(file);
    return info.isFile() ? info.size : null;
  } catch {
    return null;
  }
}

/**
 * Serves the built client. Paths without a file extension are app routes (`/`, `/b/<id>`) and get
 * index.html. When the build wrote a brotli (`.br`) or gzip (`.gz`) copy beside a file
 * (scripts/precompress.ts) and the client accepts that encoding, the copy is sent: nothing is
 * compressed per request. Hashed assets (`/assets/*`) never change under their name, so they are cached
 * for a year; everything else (index.html above all) is revalidated every time, so a new build is seen.
 */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, url: URL, root: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'method_not_allowed', 'Use GET.');
  let rel: string;
  try {
    rel = decodeURIComponent(url.pathname);
  } catch {
    return sendError(res, 400, 'bad_path', 'Bad path.');
  }
  const isRoute = path.extname(rel) === '';
  const file = isRoute ? path.join(root, 'index.html') : path.join(root, path.normalize(rel));
  if (!file.startsWith(root + path.sep)) return sendError(res, 404, 'not_found', 'Not found.');
  const size = await fileSize(file);
  if (size === null) return sendError(res, 404, 'not_found', isRoute ? 'The app is not built: run `npm run build`.' : 'Not found.');

  let body = file;
  let length = size;
  let encoding: string | undefined;
  for (const name of acceptedEncodings(req.headers['accept-encoding'])) {
    const ext = ENCODINGS.find((e) => e.name === name)!.ext;
    const compressedSize = await fileSize(file + ext);
    if (compressedSize !== null) {
      body = file + ext;
      length = compressedSize;
      encoding = name;
      break;
    }
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'Content-Length': length,
    ...(encoding ? { 'Content-Encoding': encoding } : {}),
    // Caches must key on the header even for the plain copy, or a proxy could hand brotli to a client
    // that asked for none.
    Vary: 'Accept-Encoding',
    'Cache-Control': !isRoute && rel.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') return void res.end();
  const stream = createReadStream(body);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}
