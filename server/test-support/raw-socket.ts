import { WebSocket } from 'ws';
import { wsBase } from './clients';

/** A bare `ws` socket speaking (or not) the protocol by hand, for hostile-frame tests. */
export interface RawSocket {
  ws: WebSocket;
  opened: Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
  received: Uint8Array[];
  close(): void;
}

const open = new Set<RawSocket>();

export function openRawSocket(url: string, boardId: string, token: string): RawSocket {
  const ws = new WebSocket(`${wsBase(url)}/${boardId}?token=${encodeURIComponent(token)}`);
  const received: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
  ws.on('error', () => {});
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('close', () => reject(new Error('closed before open')));
  });
  opened.catch(() => {});
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code: number, reason: Buffer) => resolve({ code, reason: reason.toString() })),
  );
  const raw: RawSocket = {
    ws,
    opened,
    closed,
    received,
    close() {
      open.delete(raw);
      if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.terminate();
    },
  };
  open.add(raw);
  return raw;
}

export function closeAllRawSockets(): void {
  for (const r of [...open]) r.close();
}
