/**
 * Reads exported PNGs in the test process (Node's zlib), not in the page: a 16,384 px wide image is
 * tens of megapixels, and shipping it as base64 into the browser to decode it there costs seconds of
 * CPU and hundreds of megabytes in the very tab under test. Rows are unfiltered one at a time as the
 * inflater yields them, so memory stays at two rows whatever the image's size.
 *
 * Handles what browsers' canvas encoders write: 8 bits per channel, RGB or RGBA, not interlaced.
 */
import { Readable } from 'node:stream';
import { createInflate } from 'node:zlib';

export interface PngHeader {
  width: number;
  height: number;
  /** 3 (RGB) or 4 (RGBA). */
  channels: 3 | 4;
}

function parse(bytes: Buffer): PngHeader & { idat: Buffer } {
  if (bytes.subarray(1, 4).toString('latin1') !== 'PNG') throw new Error('not a PNG file');
  let pos = 8;
  let header: PngHeader | null = null;
  const idat: Buffer[] = [];
  while (pos + 8 <= bytes.length) {
    const len = bytes.readUInt32BE(pos);
    const type = bytes.subarray(pos + 4, pos + 8).toString('latin1');
    const data = bytes.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      const [depth, colourType, , , interlace] = data.subarray(8, 13);
      if (depth !== 8 || (colourType !== 2 && colourType !== 6) || interlace !== 0) {
        throw new Error(`unsupported PNG: depth ${depth}, colour type ${colourType}, interlace ${interlace}`);
      }
      header = { width: data.readUInt32BE(0), height: data.readUInt32BE(4), channels: colourType === 6 ? 4 : 3 };
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    pos += 12 + len;
  }
  if (!header) throw new Error('PNG without IHDR');
  return { ...header, idat: Buffer.concat(idat) };
}

/** Undoes one row's PNG filter in place (`prev` is the unfiltered row above, zeros for the first). */
function unfilter(filter: number, row: Uint8Array, prev: Uint8Array, bpp: number): void {
  const n = row.length;
  switch (filter) {
    case 0:
      return;
    case 1:
      for (let i = bpp; i < n; i++) row[i] = (row[i] + row[i - bpp]) & 255;
      return;
    case 2:
      for (let i = 0; i < n; i++) row[i] = (row[i] + prev[i]) & 255;
      return;
    case 3:
      for (let i = 0; i < n; i++) row[i] = (row[i] + ((i >= bpp ? row[i - bpp] : 0) + prev[i]) / 2) & 255;
      return;
    case 4:
      for (let i = 0; i < n; i++) {
        const a = i >= bpp ? row[i - bpp] : 0;
        const b = prev[i];
        const c = i >= bpp ? prev[i - bpp] : 0;
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        row[i] = (row[i] + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)) & 255;
      }
      return;
    default:
      throw new Error(`bad PNG row filter ${filter}`);
  }
}

/** Calls `visit` with each unfiltered row, top to bottom (the array is reused: copy what you keep). */
export async function scanPng(bytes: Buffer, visit: (row: Uint8Array, y: number, header: PngHeader) => void): Promise<PngHeader> {
  const { idat, ...header } = parse(bytes);
  const stride = header.width * header.channels;
  let prev = new Uint8Array(stride);
  let row = new Uint8Array(stride);
  let filter = -1;
  let fill = 0;
  let y = 0;
  for await (const chunk of Readable.from([idat]).pipe(createInflate()) as AsyncIterable<Buffer>) {
    let i = 0;
    while (i < chunk.length && y < header.height) {
      if (filter < 0) {
        filter = chunk[i++];
        fill = 0;
        continue;
      }
      const n = Math.min(stride - fill, chunk.length - i);
      row.set(chunk.subarray(i, i + n), fill);
      fill += n;
      i += n;
      if (fill === stride) {
        unfilter(filter, row, prev, header.channels);
        visit(row, y++, header);
        [prev, row] = [row, prev];
        filter = -1;
      }
    }
  }
  if (y !== header.height) throw new Error(`PNG ends after ${y} of ${header.height} rows`);
  return header;
}

/** The whole image as RGBA bytes (for small images only: four bytes a pixel). */
export async function decodePng(bytes: Buffer): Promise<{ width: number; height: number; data: Uint8Array }> {
  let data = new Uint8Array(0);
  const { width, height } = await scanPng(bytes, (row, y, h) => {
    if (y === 0) data = new Uint8Array(h.width * h.height * 4);
    const out = y * h.width * 4;
    for (let x = 0; x < h.width; x++) {
      data[out + x * 4] = row[x * h.channels];
      data[out + x * 4 + 1] = row[x * h.channels + 1];
      data[out + x * 4 + 2] = row[x * h.channels + 2];
      data[out + x * 4 + 3] = h.channels === 4 ? row[x * 4 + 3] : 255;
    }
  });
  return { width, height, data };
}

export interface PixelStats {
  width: number;
  height: number;
  /** Pixels with full alpha. */
  opaque: number;
  lumaStdDev: number;
  /** Distinct colours among every 97th pixel. */
  distinctColours: number;
  /** For each colour asked for (#rrggbb), the pixels within ±3 of it in every channel. */
  colourPixels: Record<string, number>;
}

/** Measures a PNG the way a person glances at it: drawn everywhere, not flat, and how much of each colour. */
export async function pixelStats(bytes: Buffer, colours: string[]): Promise<PixelStats> {
  const want = colours.map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));
  const counts = colours.map(() => 0);
  const distinct = new Set<number>();
  let opaque = 0;
  let sum = 0;
  let sumSq = 0;
  let index = 0;
  const { width, height } = await scanPng(bytes, (row, _y, { width: w, channels }) => {
    for (let x = 0, i = 0; x < w; x++, i += channels, index++) {
      const r = row[i];
      const g = row[i + 1];
      const b = row[i + 2];
      if (channels === 3 || row[i + 3] === 255) opaque++;
      for (let c = 0; c < want.length; c++) {
        const [wr, wg, wb] = want[c];
        if (Math.abs(r - wr) <= 3 && Math.abs(g - wg) <= 3 && Math.abs(b - wb) <= 3) counts[c]++;
      }
      const luma = 0.2126 * r + 0.7152 * g + 0.0722 * b;
      sum += luma;
      sumSq += luma * luma;
      if (index % 97 === 0) distinct.add((r << 16) | (g << 8) | b);
    }
  });
  const px = width * height;
  const mean = sum / px;
  return {
    width,
    height,
    opaque,
    lumaStdDev: Math.sqrt(sumSq / px - mean * mean),
    distinctColours: distinct.size,
    colourPixels: Object.fromEntries(colours.map((c, i) => [c, counts[i]])),
  };
}

/**
 * Compares two PNGs of the same size: the share of pixels whose colour differs by more than 48 in some
 * channel (antialiasing shifts edges by less), and the share of the first image's pixels that are not
 * `background`.
 */
export async function pixelDiff(a: Buffer, b: Buffer, background = '#f3f4f8'): Promise<{ differing: number; ink: number }> {
  const [pa, pb] = await Promise.all([decodePng(a), decodePng(b)]);
  if (pa.width !== pb.width || pa.height !== pb.height) throw new Error(`sizes differ: ${pa.width}×${pa.height} and ${pb.width}×${pb.height}`);
  const bg = [1, 3, 5].map((i) => parseInt(background.slice(i, i + 2), 16));
  const x = pa.data;
  const y = pb.data;
  let differing = 0;
  let ink = 0;
  for (let i = 0; i < x.length; i += 4) {
    const d = Math.max(Math.abs(x[i] - y[i]), Math.abs(x[i + 1] - y[i + 1]), Math.abs(x[i + 2] - y[i + 2]));
    if (d > 48) differing++;
    if (Math.max(Math.abs(x[i] - bg[0]), Math.abs(x[i + 1] - bg[1]), Math.abs(x[i + 2] - bg[2])) > 8) ink++;
  }
  const n = x.length / 4;
  return { differing: differing / n, ink: ink / n };
}
