import type { IncomingMessage } from 'node:http';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth';

export class BodyError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads a JSON body's bytes, at most `limit`, unparsed (an empty body gives no bytes): for a body too
 * large to parse on the event loop (the backup import parses it in a worker).
 */
export async function readJsonBytes(req: IncomingMessage, limit: number): Promise<Uint8Array> {
  const type = req.headers['content-type'] ?? '';
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyError(413, 'too_large', `The request body is larger than ${limit} bytes.`);
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return new Uint8Array(0);
  if (!/^application\/json\b/i.test(type)) throw new BodyError(415, 'unsupported_type', 'Send JSON (Content-Type: application/json).');
  // A fresh buffer of its own (not a slice of Node's shared pool), so it can be moved to a worker.
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) out.set(c, (at += c.length) - c.length);
  return out;
}

/** Reads a JSON body of at most `limit` bytes and MAX_JSON_DEPTH levels; an empty body reads as `{}`. */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const bytes = await readJsonBytes(req, limit);
  if (bytes.byteLength === 0) return {};
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
  } catch {
    throw new BodyError(400, 'invalid_json', 'The request body is not valid JSON.');
  }
  if (nestsDeeperThan(value, MAX_JSON_DEPTH)) throw new BodyError(400, 'too_deep', `The request body nests deeper than ${MAX_JSON_DEPTH} levels.`);
  return value;
}
