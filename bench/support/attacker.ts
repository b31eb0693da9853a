/**
 * A hostile client for bench/attacks.ts, in its own process so its work does not slow the clients
 * being measured. Reads its orders from the ATTACK environment variable (JSON), attacks one board
 * with hand-made y-websocket frames until killed. Every attack stays within the per-connection rate
 * limits, as issue 12's did: the server's defence is what is measured, not the rate limiter's.
 */
import { randomBytes } from 'node:crypto';
import type net from 'node:net';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { addCard } from '../../shared/commands/cards';
import { frame } from '../../server/hardening/support/frames';

export type AttackMode = 'presence-flood' | 'step1-flood' | 'paused-readers' | 'oversized-presence' | 'oversized-frames' | 'big-writes';

export interface AttackOrders {
  mode: AttackMode;
  /** ws://host:port/ws/<board>?token=… */
  url: string;
  /** The same board with a participant link (for writes). */
  participantUrl: string;
  /** Honest readers of the attacked board (they receive every relay, as a room full of people would). */
  watchers: number;
  /** The server's MAX_MESSAGE_BYTES. */
  maxMessageBytes: number;
}

const orders = JSON.parse(process.env.ATTACK ?? '{}') as AttackOrders;
const sockets: WebSocket[] = [];

/** Sockets opened at least once (the bench is told "ready" when every first socket has been). */
let opened = 0;
let planned = 0;

function open(onOpen: (ws: WebSocket) => void, url: () => string = () => orders.url, first = true): WebSocket {
  if (first) planned++;
  const ws = new WebSocket(url(), { maxPayload: 256 * 1024 * 1024 });
  ws.on('error', () => {});
  ws.on('open', () => {
    if (first) opened++;
    onOpen(ws);
  });
  // A socket the server closed comes back, as a script would.
  ws.on('close', () => {
    if (!stopping) setTimeout(() => sockets.push(open(onOpen, url, false)), 200);
  });
  sockets.push(ws);
  return ws;
}

/** Calls `send` every `ms` while the socket is open. */
const every = (ws: WebSocket, ms: number, send: () => void) => {
  const timer = setInterval(() => (ws.readyState === ws.OPEN ? send() : clearInterval(timer)), ms);
};

let stopping = false;
let nextId = 1 + Math.floor(Math.random() * 1e6) * 1000;
const pad = 'x'.repeat(15 * 1024);

for (let i = 0; i < orders.watchers; i++) open(() => {});

switch (orders.mode) {
  case 'presence-flood':
    // Four sockets: removals of ids nobody holds and empty states under ever-new ids, 200 messages a second.
    for (let i = 0; i < 4; i++) {
      open((ws) =>
        every(ws, 15, () => {
          ws.send(frame.awareness(Array.from({ length: 100 }, () => ({ clientId: nextId++, clock: 1, state: null }))));
          const id = nextId++;
          ws.send(frame.awareness([{ clientId: id, clock: 1, state: {} }]));
          ws.send(frame.awareness([{ clientId: id, clock: 2, state: null }]));
        }),
      );
    }
    break;
  case 'step1-flood':
    // Ten sockets, each asking for the whole board 200 times a second (4 bytes each).
    for (let i = 0; i < 10; i++) open((ws) => every(ws, 5, () => ws.send(frame.step1())));
    break;
  case 'paused-readers':
    // Ten sockets that stop reading and keep asking for the whole board.
    for (let i = 0; i < 10; i++) {
      open((ws) => {
        (ws as unknown as { _socket: net.Socket })._socket.pause();
        every(ws, 20, () => ws.send(frame.step1()));
      });
    }
    break;
  case 'oversized-presence': {
    // Four sockets: 60 KiB presence messages (four 15 KiB entries) and one 15 KiB state changed every time.
    let clock = 1;
    for (let i = 0; i < 4; i++) {
      open((ws) => {
        const own = nextId++;
        every(ws, 100, () => {
          clock++;
          ws.send(frame.awareness([0, 1, 2, 3].map((k) => ({ clientId: nextId++ + k, clock, state: { pad } }))));
          ws.send(frame.awareness([{ clientId: own, clock, state: { pad: pad.slice(clock % 100) } }]));
        });
      });
    }
    break;
  }
  case 'oversized-frames': {
    // Four sockets, each sending one frame just over MAX_MESSAGE_BYTES as soon as it is open (closed
    // with 1009, back 200 ms later), and four sending valid 1 MiB frames the server reads and ignores,
    // once a second (the byte rate allows 1 MiB a second).
    const over = new Uint8Array(orders.maxMessageBytes + 1);
    over[0] = 2; // an auth message: valid, but too large
    for (let i = 0; i < 4; i++) open((ws) => ws.send(over));
    const big = frame.auth(1024 * 1024 - 16);
    for (let i = 0; i < 4; i++) open((ws) => every(ws, 1000, () => ws.send(big)));
    break;
  }
  case 'big-writes': {
    // Two participant sockets, each under a new person key every time it connects (keys are free to
    // make), writing 100 new cards of 4,000 characters (the most a card holds) every 500 ms: about
    // 400 KiB an update, 800 KiB a second each, within the byte rate. Every one is relayed to the 20
    // readers until the board reaches its size cap; then each is refused.
    const person = () => randomBytes(16).toString('base64url');
    for (let i = 0; i < 2; i++) {
      open(
        (ws) => {
          const doc = new Y.Doc();
          const updates: Uint8Array[] = [];
          doc.on('update', (u: Uint8Array) => updates.push(u));
          let n = 0;
          every(ws, 500, () => {
            doc.transact(() => {
              for (let k = 0; k < 100; k++) addCard(doc, { stage: 'use', lane: 'ideas', text: `${n++} ${'w'.repeat(3990)}` });
            });
            for (const u of updates.splice(0)) ws.send(frame.update(u));
          });
        },
        () => `${orders.participantUrl}&person=${person()}`,
      );
    }
    break;
  }
}

// Tell the bench once every socket has opened, so it measures the attack and not the start-up.
const ready = setInterval(() => {
  if (opened >= planned) {
    clearInterval(ready);
    process.stdout.write('ready\n');
  }
}, 20);

process.on('SIGTERM', () => {
  stopping = true;
  for (const ws of sockets) ws.terminate();
  process.exit(0);
});
