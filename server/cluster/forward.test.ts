import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { openHop, pipe } from './forward';

/**
 * The hop's pipe on its own, against a bare `ws` server standing for the owner. What matters here is
 * the frame order at the seams: what the owner sends together with accepting the hop, and what the
 * client sent before the hop was open, must both get through.
 */
const closers: Array<() => void> = [];
afterEach(() => {
  for (const c of closers.splice(0)) c();
});

/** An "owner" that greets each connection in the same tick as the upgrade, then echoes. */
async function owner(): Promise<string> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise<void>((r) => wss.once('listening', () => r()));
  wss.on('connection', (ws) => {
    ws.send('greeting 1');
    ws.send('greeting 2');
    ws.on('message', (data) => ws.send(`echo ${String(data)}`));
  });
  closers.push(() => wss.close());
  return `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`;
}

/** A client connected to a "forwarding instance" that pipes it to `to`, buffering early frames. */
async function forwardedClient(to: string): Promise<{ client: WebSocket; received: string[] }> {
  const front = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise<void>((r) => front.once('listening', () => r()));
  front.on('connection', async (ws) => {
    const early: Array<{ data: Buffer; binary: boolean }> = [];
    const buffer = (data: Buffer, binary: boolean) => early.push({ data, binary });
    ws.on('message', buffer);
    const upstream = await openHop(to, {}, 1 << 20);
    ws.off('message', buffer);
    pipe(ws, upstream, early, () => undefined);
  });
  closers.push(() => front.close());
  const client = new WebSocket(`ws://127.0.0.1:${(front.address() as AddressInfo).port}`);
  closers.push(() => client.terminate());
  const received: string[] = [];
  client.on('message', (data) => received.push(String(data)));
  await new Promise<void>((r) => client.once('open', () => r()));
  return { client, received };
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

describe('the hop to the owner (forward.ts)', () => {
  it('delivers the owner’s first frames, sent with the upgrade, and the client’s frames sent before the hop opened', async () => {
    for (let round = 0; round < 5; round++) {
      const { client, received } = await forwardedClient(await owner());
      // Sent at once: the hop to the owner is still opening.
      client.send('early');
      await until(() => received.length >= 3, 'the greetings and the echo');
      expect(received).toEqual(['greeting 1', 'greeting 2', 'echo early']);
      client.send('later');
      await until(() => received.length === 4, 'the second echo');
      expect(received[3]).toBe('echo later');
    }
  });
});
