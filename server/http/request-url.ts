/**
 * The request target as a URL on a fixed origin. `new URL(req.url, base)` throws for targets such as
 * `//` and reads `//evil.example/api` as another host's `/api`; a request line must never throw inside a
 * handler (that would end the process), so an unparseable target gives null and the caller answers 400.
 */
export function requestUrl(target: string | undefined): URL | null {
  const raw = target ?? '/';
  try {
    if (raw.startsWith('/')) return new URL(`http://localhost${raw}`);
    // Absolute form (`GET http://host/path`): keep the path and query, never the host.
    const abs = new URL(raw);
    return new URL(`http://localhost${abs.pathname}${abs.search}`);
  } catch {
    return null;
  }
}
