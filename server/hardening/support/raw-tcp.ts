/** Raw TCP: requests and websocket frames no HTTP or websocket client would send. */
import net from 'node:net';

/** Sends `request` as is and returns everything the server answers until it closes (or `ms` pass). */
export async function rawHttp(httpUrl: string, request: string | Uint8Array, ms = 3000): Promise<{ text: string; closed: boolean }> {
  const { hostname, port } = new URL(httpUrl);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = net.connect(Number(port), hostname, () => socket.write(request));
    const done = (closed: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ text: Buffer.concat(chunks).toString('latin1'), closed });
    };
    const timer = setTimeout(() => done(false), ms);
    socket.on('data', (d) => chunks.push(d));
    socket.on('error', () => undefined);
    socket.on('close', () => done(true));
  });
}

/** The upgrade request of a websocket handshake, by hand (for frames `ws` itself would never send). */
export function upgradeRequest(path: string, extra = ''): string {
  return (
    `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
    `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n${extra}\r\n`
  );
}

/** A masked client frame with the given first byte (FIN, RSV, opcode) and payload. */
export function clientFrame(firstByte: number, payload: Uint8Array, opts: { mask?: boolean } = {}): Uint8Array {
  const mask = opts.mask ?? true;
  const len = payload.length;
  const head: number[] = [firstByte];
  const m = mask ? 0x80 : 0;
  if (len < 126) head.push(m | len);
  else if (len < 65536) head.push(m | 126, len >> 8, len & 0xff);
  else head.push(m | 127, 0, 0, 0, 0, (len >>> 24) & 0xff, (len >>> 16) & 0xff, (len >>> 8) & 0xff, len & 0xff);
  const key = [1, 2, 3, 4];
  const body = mask ? payload.map((b, i) => b ^ key[i % 4]) : payload;
  return Uint8Array.from([...head, ...(mask ? key : []), ...body]);
}

/** The close code in the server's frames after a raw handshake's response headers; undefined if none. */
export function serverCloseCode(response: string): number | undefined {
  const at = response.indexOf('\r\n\r\n');
  if (at < 0) return undefined;
  const bytes = Buffer.from(response.slice(at + 4), 'latin1');
  let i = 0;
  while (i + 2 <= bytes.length) {
    const opcode = bytes[i] & 0x0f;
    let len = bytes[i + 1] & 0x7f;
    let p = i + 2;
    if (len === 126) {
      len = bytes.readUInt16BE(p);
      p += 2;
    } else if (len === 127) {
      len = Number(bytes.readBigUInt64BE(p));
      p += 8;
    }
    if (opcode === 0x8) return len >= 2 ? bytes.readUInt16BE(p) : 1005;
    i = p + len;
  }
  return undefined;
}
