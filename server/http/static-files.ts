import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
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

/**
 * Serves the built client. Paths without a file extension are app routes (`/`, `/b/<id>`) and get
 * index.html; hashed assets are cached for a year.
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
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a file');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Length': info.size,
      'Cache-Control': rel.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  } catch {
    sendError(res, 404, 'not_found', isRoute ? 'The app is not built: run `npm run build`.' : 'Not found.');
  }
}
