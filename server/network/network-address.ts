import type { NetworkInterfaceInfo } from 'node:os';

/** What `os.networkInterfaces()` returns: interface name → its addresses. */
export type InterfaceList = Record<string, NetworkInterfaceInfo[] | undefined>;

/**
 * The address other machines on the network (phones in the room) reach this one at: the first IPv4
 * address that is not internal (loopback) nor link-local (169.254.x.x, which a machine gives itself
 * when no network answered, so nobody else can reach it). Null when there is none, e.g. offline.
 * IPv4 only: a phone scanning a QR code copes with `http://192.168.1.20:8080` everywhere, while IPv6
 * literals in URLs are clumsy to read aloud and not always routed on guest Wi-Fi.
 */
export function pickNetworkAddress(interfaces: InterfaceList): string | null {
  for (const list of Object.values(interfaces)) {
    for (const info of list ?? []) {
      // Node 18.0–18.3 reported the family as a number; tolerate both.
      const v4 = info.family === 'IPv4' || (info.family as unknown) === 4;
      if (v4 && !info.internal && !info.address.startsWith('169.254.')) return info.address;
    }
  }
  return null;
}

/** Binding to every interface: the default (empty HOST) and the explicit wildcards. */
export function listensOnAllInterfaces(host: string): boolean {
  return host === '' || host === '0.0.0.0' || host === '::';
}

export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || h.startsWith('127.') || h.startsWith('::ffff:127.');
}

/**
 * The origin a phone in the room can open, for the share links and QR codes, or null when the server
 * is reachable only from this machine. `PUBLIC_URL` (the address behind a proxy) is not handled here:
 * it wins over this wherever it is set.
 */
export function networkOrigin(host: string, port: number, interfaces: InterfaceList): string | null {
  if (isLoopbackHost(host)) return null;
  const address = listensOnAllInterfaces(host) ? pickNetworkAddress(interfaces) : host;
  if (!address) return null;
  return `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
}
