/**
 * With an allow-list (ALLOWED_ORIGINS), a request that carries an Origin header must name a listed
 * origin. Requests without one come from programs, not browsers, and cross-site abuse needs a browser,
 * so they pass: stock y-websocket clients in Node keep working.
 */
export function originAllowed(origin: string | undefined, allowed: string[]): boolean {
  if (allowed.length === 0 || origin === undefined) return true;
  return allowed.includes(origin);
}
