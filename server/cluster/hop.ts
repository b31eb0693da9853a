import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * The hop from an instance that is not a board's owner to the owner (docs/scaling.md). The forwarder
 * signs who it is, the client's address and the request target with CLUSTER_SECRET (HMAC-SHA256); the
 * owner trusts the client address only from a hop whose signature checks out, and refuses a forged one.
 * The time bounds a replay to a minute; the target binds the signature to one board and token.
 */
export const HOP_HEADERS = {
  from: 'x-journey-hop-from',
  client: 'x-journey-hop-client',
  time: 'x-journey-hop-time',
  signature: 'x-journey-hop-signature',
} as const;

/** How far the hop's time may be from the owner's clock. */
const MAX_SKEW_MS = 60_000;

function sign(secret: string, from: string, client: string, time: string, target: string): string {
  return createHmac('sha256', secret).update(`journey-hop\n${from}\n${client}\n${time}\n${target}`).digest('hex');
}

/** Headers for a hop to `target` (path and query, as the owner will see it). */
export function hopHeaders(secret: string, from: string, client: string, target: string, now = Date.now()): Record<string, string> {
  const time = String(now);
  return {
    [HOP_HEADERS.from]: from,
    [HOP_HEADERS.client]: client,
    [HOP_HEADERS.time]: time,
    [HOP_HEADERS.signature]: sign(secret, from, client, time, target),
  };
}

export type HopCheck = { hop: false } | { hop: true; from: string; client: string } | { hop: true; forged: string };

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);

/** Whether a request came over a hop, and if so whether its signature holds (`forged` says why not). */
export function checkHop(headers: IncomingHttpHeaders, target: string, secret: string | null, now = Date.now()): HopCheck {
  const from = one(headers[HOP_HEADERS.from]);
  const client = one(headers[HOP_HEADERS.client]);
  const time = one(headers[HOP_HEADERS.time]);
  const signature = one(headers[HOP_HEADERS.signature]);
  if (from === undefined && client === undefined && time === undefined && signature === undefined) return { hop: false };
  if (!secret) return { hop: true, forged: 'no CLUSTER_SECRET here' };
  if (from === undefined || client === undefined || time === undefined || signature === undefined) return { hop: true, forged: 'incomplete' };
  if (!/^\d{1,15}$/.test(time) || Math.abs(now - Number(time)) > MAX_SKEW_MS) return { hop: true, forged: 'stale' };
  const expected = Buffer.from(sign(secret, from, client, time, target), 'hex');
  const given = /^[0-9a-f]{64}$/.test(signature) ? Buffer.from(signature, 'hex') : Buffer.alloc(0);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { hop: true, forged: 'bad signature' };
  return { hop: true, from, client };
}
