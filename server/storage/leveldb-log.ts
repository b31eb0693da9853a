import { crc32c, maskCrc } from './crc32c';

/**
 * LevelDB's write-ahead log, read and written by us (format: leveldb/doc/log_format.md). The file is a
 * run of 32 KiB blocks; each block holds records `crc32c (4, masked) | length (2) | type (1) | data`,
 * and a write batch longer than what is left of a block is split into FIRST/MIDDLE/LAST fragments.
 *
 * Why read it ourselves: when LevelDB meets a damaged record while replaying the log on open, it skips
 * the rest of that 32 KiB block, writes the survivors into a table and deletes the log, all without an
 * error (classic-level offers no paranoid mode). One flipped byte costs hundreds of writes, for good.
 * This reader instead looks for the next intact record byte by byte, so a check before opening can
 * tell a torn last write (what a crash leaves, harmless) from damage in the middle (refuse to start),
 * and salvage can keep every intact record.
 */
export const BLOCK_SIZE = 32768;
const HEADER_SIZE = 7;
const FULL = 1;
const FIRST = 2;
const MIDDLE = 3;
const LAST = 4;

export interface LogScan {
  /** The complete logical records (LevelDB write batches), in file order. */
  records: Uint8Array[];
  /** Byte ranges that held no intact record (damaged bytes, fragments of a record whose other parts are gone). */
  damage: Array<{ offset: number; length: number }>;
  /** Damage followed by an intact record: not a torn last write. LevelDB would drop intact writes here. */
  damagedInTheMiddle: boolean;
  /** Bytes after the last complete record that hold nothing usable: a write cut short by a crash. */
  tornTailBytes: number;
}

/** The record header at `pos` if it is intact (type known, fits its block, checksum matches). */
function intactRecordAt(buf: Uint8Array, pos: number, blockEnd: number): { type: number; length: number } | null {
  if (pos + HEADER_SIZE > blockEnd) return null;
  const type = buf[pos + 6];
  if (type < FULL || type > LAST) return null;
  const length = buf[pos + 4] | (buf[pos + 5] << 8);
  if (pos + HEADER_SIZE + length > blockEnd) return null;
  const stored = (buf[pos] | (buf[pos + 1] << 8) | (buf[pos + 2] << 16) | (buf[pos + 3] << 24)) >>> 0;
  // The checksum covers the type byte and the data, which sit next to each other.
  return maskCrc(crc32c(buf, pos + 6, pos + HEADER_SIZE + length)) === stored ? { type, length } : null;
}

const allZero = (buf: Uint8Array, from: number, to: number) => {
  for (let i = from; i < to; i++) if (buf[i] !== 0) return false;
  return true;
};

export function scanLog(buf: Uint8Array): LogScan {
  const records: Uint8Array[] = [];
  const damage: LogScan['damage'] = [];
  let partial: { start: number; parts: Uint8Array[] } | null = null;
  let damageStart = -1;
  let lastRecordEnd = 0;
  let firstDamage = -1;
  const markDamage = (offset: number, length: number) => {
    if (length <= 0) return;
    damage.push({ offset, length });
    if (firstDamage === -1) firstDamage = offset;
  };
  const dropPartial = (until: number) => {
    if (partial) markDamage(partial.start, until - partial.start);
    partial = null;
  };
  let pos = 0;
  while (pos < buf.length) {
    const blockEnd = Math.min((Math.floor(pos / BLOCK_SIZE) + 1) * BLOCK_SIZE, buf.length);
    // LevelDB fills the last < 7 bytes of a block with zeros; zeros to the end of a block hold nothing.
    if (allZero(buf, pos, blockEnd)) {
      if (damageStart !== -1) {
        markDamage(damageStart, pos - damageStart);
        damageStart = -1;
      }
      pos = blockEnd;
      continue;
    }
    const rec = intactRecordAt(buf, pos, blockEnd);
    if (!rec) {
      if (damageStart === -1) damageStart = pos;
      pos++;
      continue;
    }
    if (damageStart !== -1) {
      markDamage(damageStart, pos - damageStart);
      damageStart = -1;
    }
    const data = buf.subarray(pos + HEADER_SIZE, pos + HEADER_SIZE + rec.length);
    const end = pos + HEADER_SIZE + rec.length;
    if (rec.type === FULL || rec.type === FIRST) {
      dropPartial(pos);
      if (rec.type === FULL) {
        records.push(data);
        lastRecordEnd = end;
      } else partial = { start: pos, parts: [data] };
    } else if (!partial) {
      markDamage(pos, end - pos); // a MIDDLE or LAST whose beginning is gone
    } else {
      partial.parts.push(data);
      if (rec.type === LAST) {
        records.push(concat(partial.parts));
        partial = null;
        lastRecordEnd = end;
      }
    }
    pos = end;
  }
  if (damageStart !== -1) markDamage(damageStart, buf.length - damageStart);
  dropPartial(buf.length);
  const damagedInTheMiddle = firstDamage !== -1 && firstDamage < lastRecordEnd;
  const tornTailBytes = damage.length > 0 && !damagedInTheMiddle ? buf.length - lastRecordEnd : 0;
  damage.sort((a, b) => a.offset - b.offset);
  return { records, damage, damagedInTheMiddle, tornTailBytes };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/** A log file holding `records`, framed exactly as LevelDB's log writer does. */
export function encodeLog(records: Uint8Array[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  let blockOffset = 0;
  for (const record of records) {
    let left = record.byteLength;
    let from = 0;
    let begin = true;
    do {
      const room = BLOCK_SIZE - blockOffset;
      if (room < HEADER_SIZE) {
        chunks.push(new Uint8Array(room));
        blockOffset = 0;
      }
      const fragment = Math.min(left, BLOCK_SIZE - blockOffset - HEADER_SIZE);
      const end = fragment === left;
      const type = begin && end ? FULL : begin ? FIRST : end ? LAST : MIDDLE;
      const out = new Uint8Array(HEADER_SIZE + fragment);
      out[4] = fragment & 0xff;
      out[5] = fragment >> 8;
      out[6] = type;
      out.set(record.subarray(from, from + fragment), HEADER_SIZE);
      new DataView(out.buffer).setUint32(0, maskCrc(crc32c(out, 6)), true);
      chunks.push(out);
      blockOffset += out.byteLength;
      left -= fragment;
      from += fragment;
      begin = false;
    } while (left > 0);
  }
  return concat(chunks);
}
