import type { IncomingMessage } from 'node:http';

/**
 * The address of the client a request comes from, for per-address limits. A request another instance
 * forwarded (server/cluster/hop.ts) comes from that instance's socket: its verified hop names the
 * client, and that is the address counted.
 */
const forwardedFor = new WeakMap<IncomingMessage, string>();

export function setForwardedClient(req: IncomingMessage, address: string): void {
  forwardedFor.set(req, address);
}

export function clientAddress(req: IncomingMessage): string {
  return forwardedFor.get(req) ?? req.socket.remoteAddress ?? '';
}
