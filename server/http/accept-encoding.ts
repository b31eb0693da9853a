/** The precompressed variants the build writes beside each file, best first. */
export const ENCODINGS = [
  { name: 'br', ext: '.br' },
  { name: 'gzip', ext: '.gz' },
] as const;

export type Encoding = (typeof ENCODINGS)[number]['name'];

/**
 * The encodings a client accepts, from its Accept-Encoding header (RFC 9110 §12.5.3): a coding with
 * `q=0` is refused, `*` stands for any coding not named. Returns them in our order of preference
 * (brotli before gzip: smaller), not the client's, since both are cheap to decode.
 */
export function acceptedEncodings(header: string | string[] | undefined): Encoding[] {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  const q = new Map<string, number>();
  for (const part of text.split(',')) {
    const [token, ...params] = part.trim().toLowerCase().split(';');
    if (!token) continue;
    let weight = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p);
      if (m) weight = Number(m[1]);
    }
    q.set(token.trim() === 'x-gzip' ? 'gzip' : token.trim(), Number.isFinite(weight) ? weight : 0);
  }
  const any = q.get('*');
  return ENCODINGS.map((e) => e.name).filter((name) => (q.get(name) ?? any ?? 0) > 0);
}
