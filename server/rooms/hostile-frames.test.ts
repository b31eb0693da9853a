import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { addCard } from '../../shared/commands';
import { CLOSE } from '../../shared/protocol';
import { createBoardViaApi, destroyAllClients, syncedClient, withTimeout, type TestClient } from '../test-support/clients';
import { closeAllRawSockets, openRawSocket } from '../test-support/raw-socket';
import { startTestServer, type TestServer } from '../test-support/server';
import { MSG, updateMessage } from './messages';
import { seededRandom as prng } from '../../shared/test-support/seeded-random';

function frame(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

/** A real, allowed update (a new card) as a sync-update message. */
function cardUpdateMessage(): Uint8Array {
  const d = new Y.Doc();
  addCard(d, { stage: 'use', lane: 'ideas', text: 'a card long enough to cut in the middle' });
  return updateMessage(Y.encodeStateAsUpdate(d));
}

const SEED = Number(process.env.TEST_SEED ?? 20241123);
const rnd = prng(SEED);
const randomBytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(rnd() * 256));

const HOSTILE: Array<[string, Uint8Array]> = [
  ['garbage bytes', Uint8Array.from([0xde, 0xad, 0xbe, 0xef])],
  ['an empty frame', new Uint8Array(0)],
  ['an unknown message type', Uint8Array.from([7, 1, 2, 3])],
  ['an unknown sync sub-type', frame((e) => (encoding.writeVarUint(e, MSG.sync), encoding.writeVarUint(e, 9), encoding.writeVarUint8Array(e, new Uint8Array(2))))],
  ['a truncated sync message', cardUpdateMessage().slice(0, 20)],
  ['a sync step 1 with a malformed state vector', frame((e) => (encoding.writeVarUint(e, MSG.sync), encoding.writeVarUint(e, 0), encoding.writeVarUint8Array(e, Uint8Array.from([5, 0xff]))))],
  ...[16, 64, 300].map((n): [string, Uint8Array] => [
    `a sync update of ${n} random bytes (seed ${SEED})`,
    frame((e) => (encoding.writeVarUint(e, MSG.sync), encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, randomBytes(n)))),
  ]),
  ['a huge varint as message type', Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f])],
  ['a huge varint as payload length', Uint8Array.from([0, 2, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3])],
  ['an awareness message with garbage', frame((e) => (encoding.writeVarUint(e, MSG.awareness), encoding.writeVarUint8Array(e, Uint8Array.from([1, 5, 1, 3, 0x7b, 0x7b, 0x7b]))))],
];

describe('hostile frames', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ maxMessageBytes: 4096 });
  });
  afterEach(() => {
    destroyAllClients();
    closeAllRawSockets();
  });
  afterAll(async () => t?.stop());

  async function honestPairStillSyncs(a: TestClient, b: TestClient, label: string) {
    const id = addCard(a.doc, { stage: 'use', lane: 'ideas', text: label });
    await b.waitFor(() => b.doc.getMap('cards').has(id), `${label} to sync`);
  }

  it.each(['participant', 'facilitator'] as const)(
    'each bad frame closes only its own connection (%s token); honest clients here and on another board keep syncing',
    async (role) => {
      const board = await createBoardViaApi(t.url);
      const other = await createBoardViaApi(t.url);
      const [f, p, o1, o2] = await Promise.all([
        syncedClient(t.url, board.id, board.tokens.facilitator),
        syncedClient(t.url, board.id, board.tokens.participant),
        syncedClient(t.url, other.id, other.tokens.facilitator),
        syncedClient(t.url, other.id, other.tokens.viewer),
      ]);
      const badBefore = t.server.metrics.closedBadMessage;
      for (const [what, bytes] of HOSTILE) {
        const raw = openRawSocket(t.url, board.id, board.tokens[role]);
        await withTimeout(raw.opened, 5000, `open for ${what}`);
        raw.ws.send(bytes);
        const closed = await withTimeout(raw.closed, 5000, `the server to close the connection after ${what}`);
        expect(closed.code, what).toBe(CLOSE.policy);
        await honestPairStillSyncs(p, f, `after ${what}`);
      }
      expect(t.server.metrics.closedBadMessage - badBefore).toBe(HOSTILE.length);
      await honestPairStillSyncs(o1, o2, 'the other board');
      expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
      // Nothing of the garbage reached the document.
      const fresh = await syncedClient(t.url, board.id, board.tokens.viewer);
      expect(fresh.doc.getMap('cards').size).toBe(HOSTILE.length);
      expect(fresh.doc.getArray('stages').length).toBe(6);
    },
  );

  it('frames that follow a bad frame on the same socket are ignored', async () => {
    const board = await createBoardViaApi(t.url);
    const [f, p] = await Promise.all([syncedClient(t.url, board.id, board.tokens.facilitator), syncedClient(t.url, board.id, board.tokens.participant)]);
    const raw = openRawSocket(t.url, board.id, board.tokens.facilitator);
    await raw.opened;
    raw.ws.send(Uint8Array.from([7]));
    raw.ws.send(cardUpdateMessage());
    expect((await withTimeout(raw.closed, 5000, 'close')).code).toBe(CLOSE.policy);
    await honestPairStillSyncs(p, f, 'fence');
    expect(f.doc.getMap('cards').size).toBe(1);
  });

  it('a viewer sending garbage is closed too', async () => {
    const board = await createBoardViaApi(t.url);
    const raw = openRawSocket(t.url, board.id, board.tokens.viewer);
    await raw.opened;
    raw.ws.send(HOSTILE.find(([w]) => w.startsWith('a sync update'))![1]);
    expect((await withTimeout(raw.closed, 5000, 'close')).code).toBe(CLOSE.policy);
  });

  it('a frame larger than maxMessageBytes is closed with 1009, and the others keep syncing', async () => {
    const board = await createBoardViaApi(t.url);
    const [f, p] = await Promise.all([syncedClient(t.url, board.id, board.tokens.facilitator), syncedClient(t.url, board.id, board.tokens.participant)]);
    const raw = openRawSocket(t.url, board.id, board.tokens.facilitator);
    await raw.opened;
    const big = new Y.Doc();
    addCard(big, { stage: 'use', lane: 'ideas', text: 'x'.repeat(3000) });
    addCard(big, { stage: 'use', lane: 'ideas', text: 'y'.repeat(3000) });
    raw.ws.send(updateMessage(Y.encodeStateAsUpdate(big)));
    expect((await withTimeout(raw.closed, 5000, 'close')).code).toBe(CLOSE.tooBig);
    await honestPairStillSyncs(p, f, 'after the big frame');
    expect(f.doc.getMap('cards').size).toBe(1);
  });

  it('a stock client whose update is too big is closed with 1009 and its write is not kept', async () => {
    const board = await createBoardViaApi(t.url);
    const [f, p] = await Promise.all([syncedClient(t.url, board.id, board.tokens.facilitator), syncedClient(t.url, board.id, board.tokens.participant)]);
    const id = addCard(p.doc, { stage: 'use', lane: 'ideas', text: 'z'.repeat(5000) });
    expect((await withTimeout(p.closed, 5000, 'close')).code).toBe(CLOSE.tooBig);
    p.destroy();
    await honestPairStillSyncs(f, f, 'facilitator alone');
    const fresh = await syncedClient(t.url, board.id, board.tokens.viewer);
    expect(fresh.doc.getMap('cards').has(id)).toBe(false);
  });
});
