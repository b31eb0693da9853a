import { crc32 } from 'node:zlib';

/**
 * Every value the store writes is sealed: `ff 4a 53 <version> | crc32 (4, little-endian) | payload`.
 * LevelDB checks its own files, but does not tell us when it skipped something, and nothing checked a
 * value once read; this catches a damaged value at the moment it is used, so it is dropped and reported
 * instead of being fed to Yjs.
 *
 * Values written before this format (a bare Yjs update, or JSON for board records) have no header and
 * still load: no Yjs update can begin with these bytes in practice (0xff 0x4a would announce 9,599
 * clients in one update, followed by exactly 83 structs of client id 1), and JSON begins with `{`.
 */
const MAGIC = [0xff, 0x4a, 0x53] as const;
const VERSION = 1;
const HEADER_BYTES = 8;

export type OpenedRecord =
  | { ok: true; payload: Uint8Array; sealed: boolean }
  | { ok: false; reason: 'checksum' | 'format' };

export function sealRecord(payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(HEADER_BYTES + payload.byteLength);
  out.set(MAGIC, 0);
  out[3] = VERSION;
  new DataView(out.buffer).setUint32(4, crc32(payload), true);
  out.set(payload, HEADER_BYTES);
  return out;
}

export function openRecord(value: Uint8Array): OpenedRecord {
  if (value[0] !== MAGIC[0] || value[1] !== MAGIC[1] || value[2] !== MAGIC[2]) return { ok: true, payload: value, sealed: false };
  // A version this server does not know (written by a newer one): refuse rather than guess.
  if (value[3] !== VERSION || value.byteLength < HEADER_BYTES) return { ok: false, reason: 'format' };
  const payload = value.subarray(HEADER_BYTES);
  const expected = new DataView(value.buffer, value.byteOffset, value.byteLength).getUint32(4, true);
  return crc32(payload) === expected ? { ok: true, payload, sealed: true } : { ok: false, reason: 'checksum' };
}
