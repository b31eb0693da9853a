import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE } from '../../shared/protocol';
import { awarenessBarrier, connectClient, createBoardViaApi, destroyAllClients, sleep, syncedClient, withTimeout } from '../test-support/clients';
import { awarenessEntries, closeAllPeers, frame, metric, openPeer, parsedLogs, scrapeMetrics, startHardServer, wsUrl, type HardServer } from './support';

/** Every limit in docs/operations.md, at small values, seen from the client's side. */
describe.sequential('limits', () => {
  let h: HardServer;
  const start = async (overrides: Parameters<typeof startHardServer>[0]) => {
    h = await startHardServer(overrides);
    return h;
  };
  afterEach(async () => {
    destroyAllClients();
    closeAllPeers();
    await h?.stop();
  });

  it('a frame over MAX_MESSAGE_BYTES closes its connection with 1009; one under it passes; others carry on', async () => {
    await start({ maxMessageBytes: 4096 });
    const b = await createBoardViaApi(h.url);
    const big = openPeer(h.url, b.id, b.tokens.participant);
    const other = openPeer(h.url, b.id, b.tokens.participant);
    await Promise.all([big.opened, other.opened]);
    big.send(frame.auth(4000));
    await big.sync();
    big.send(frame.auth(5000));
    expect((await withTimeout(big.closed, 5000, 'close')).code).toBe(CLOSE.tooBig);
    expect(other.isOpen()).toBe(true);
    await other.sync();
  });

  it('a client over the message rate is closed with 1008, once; a client under it is not', async () => {
    await start({ rateMessages: 20, rateMessagesBurst: 40 });
    const b = await createBoardViaApi(h.url);
    const flood = openPeer(h.url, b.id, b.tokens.participant);
    const calm = openPeer(h.url, b.id, b.tokens.participant);
    await Promise.all([flood.opened, calm.opened]);
    for (let i = 0; i < 400; i++) flood.send(frame.queryAwareness());
    const closed = await withTimeout(flood.closed, 5000, 'flooder closed');
    expect(closed).toEqual({ code: CLOSE.policy, reason: 'rate limit' });
    // The calm one sends 10 a second for 1.5 s (its burst alone would not cover 15 messages + sync).
    for (let i = 0; i < 15; i++) {
      calm.send(frame.queryAwareness());
      await sleep(100);
    }
    await calm.sync();
    expect(calm.isOpen()).toBe(true);
    // One closed connection is one event: one log line, one count, however many frames followed.
    const m = await scrapeMetrics(h.url);
    expect(metric(m, 'journey_rate_limited_total')).toBe(1);
    expect(parsedLogs(h.logs).filter((l) => l.msg.startsWith('rate limit')).length).toBe(1);
  });

  it('a client over the byte rate is closed with 1008; a client under it is not', async () => {
    await start({ rateBytes: 10_000, rateBytesBurst: 20_000 });
    const b = await createBoardViaApi(h.url);
    const heavy = openPeer(h.url, b.id, b.tokens.participant);
    const light = openPeer(h.url, b.id, b.tokens.participant);
    await Promise.all([heavy.opened, light.opened]);
    for (let i = 0; i < 5; i++) heavy.send(frame.auth(8000));
    expect((await withTimeout(heavy.closed, 5000, 'heavy closed')).code).toBe(CLOSE.policy);
    for (let i = 0; i < 6; i++) {
      light.send(frame.auth(4000)); // 6 × 4 kB over 1.2 s: under burst + rate
      await sleep(200);
    }
    await light.sync();
    expect(light.isOpen()).toBe(true);
  });

  it('presence is batched: 200 awareness updates in 1 s reach another client as far fewer messages, the last state intact', async () => {
    await start({ awarenessFlushMs: 50 });
    const b = await createBoardViaApi(h.url);
    const sender = openPeer(h.url, b.id, b.tokens.participant);
    const receiver = openPeer(h.url, b.id, b.tokens.participant);
    await Promise.all([sender.opened, receiver.opened]);
    const clientId = 4242;
    const started = performance.now();
    for (let i = 1; i <= 200; i++) {
      sender.send(frame.awareness([{ clientId, clock: i, state: { cursor: { x: i, y: 0 } } }]));
      await sleep(Math.max(0, started + i * 5 - performance.now()));
    }
    const last = () => {
      const msgs = receiver.received.filter((m) => m[0] === 1);
      const entry = msgs.length ? awarenessEntries(msgs[msgs.length - 1]).find((e) => e.clientId === clientId) : undefined;
      return (entry?.state as { cursor?: { x: number } } | undefined)?.cursor?.x;
    };
    await receiver.waitFor(() => last() === 200, 'the last cursor position');
    await sleep(200);
    const relayed = receiver.count('awareness');
    // 1 s at one relay per 50 ms is about 20 messages; without batching it would be 200.
    expect(relayed).toBeGreaterThanOrEqual(5);
    expect(relayed).toBeLessThanOrEqual(40);
  });

  it('a connection cannot overwrite or remove another client’s presence', async () => {
    await start({});
    const b = await createBoardViaApi(h.url);
    const ada = await syncedClient(h.url, b.id, b.tokens.participant);
    const watcher = await syncedClient(h.url, b.id, b.tokens.participant);
    ada.provider.awareness.setLocalStateField('user', { name: 'Ada' });
    await awarenessBarrier(ada, [watcher]);
    const id = ada.doc.clientID;
    const clock = ada.provider.awareness.meta.get(id)!.clock;
    const mallory = openPeer(h.url, b.id, b.tokens.participant);
    await mallory.opened;
    mallory.send(frame.awareness([{ clientId: id, clock: clock + 10, state: { user: { name: 'Mallory' }, barrier: 'x' } }]));
    mallory.send(frame.awareness([{ clientId: id, clock: clock + 20, state: null }]));
    // Its own presence still works, and arrives after the refused ones (same socket, same order).
    mallory.send(frame.awareness([{ clientId: 777, clock: 1, state: { user: { name: 'Mallory' } } }]));
    await watcher.waitFor(() => watcher.provider.awareness.getStates().has(777), 'Mallory’s own presence');
    await awarenessBarrier(ada, [watcher]);
    expect((watcher.provider.awareness.getStates().get(id) as { user: { name: string } }).user.name).toBe('Ada');
    const m = await scrapeMetrics(h.url);
    expect(metric(m, 'journey_dropped_writes_total{reason="presence-not-own"}')).toBe(2);
    // Once its owner's socket is gone, the id is free again: the same person back on a new socket.
    ada.destroy();
    await watcher.waitFor(() => !watcher.provider.awareness.getStates().has(id), 'Ada to leave');
    const back = openPeer(h.url, b.id, undefined, { rawUrl: `${wsUrl(h.url, b.id, b.tokens.participant)}&person=${ada.personKey}` });
    await back.opened;
    back.send(frame.awareness([{ clientId: id, clock: clock + 100, state: { user: { name: 'Ada again' } } }]));
    await watcher.waitFor(() => (watcher.provider.awareness.getStates().get(id) as { user?: { name: string } } | undefined)?.user?.name === 'Ada again', 'Ada back');
  });

  it('one connection cannot fill the board’s presence with fakes: at most 4 presence ids each', async () => {
    await start({ awarenessFlushMs: 20 });
    const b = await createBoardViaApi(h.url);
    const faker = openPeer(h.url, b.id, b.tokens.participant);
    const watcher = openPeer(h.url, b.id, b.tokens.viewer);
    await Promise.all([faker.opened, watcher.opened]);
    const fakes = Array.from({ length: 1000 }, (_, i) => ({ clientId: 10_000 + i, clock: 1, state: { user: { name: `fake ${i}` } } }));
    faker.send(frame.awareness(fakes));
    for (let i = 0; i < 5; i++) faker.send(frame.awareness([{ clientId: 500 + i, clock: 1, state: { user: { name: `mine ${i}` } } }]));
    expect(await faker.probe()).toBe('answered');
    await sleep(100);
    const seen = new Set(watcher.received.filter((m) => m[0] === 1).flatMap((m) => awarenessEntries(m).map((e) => e.clientId)));
    expect([...seen].sort()).toEqual([500, 501, 502, 503]);
    expect(metric(await scrapeMetrics(h.url), 'journey_dropped_writes_total{reason="presence-too-many"}')).toBe(2);
  });

  it('MAX_CONNECTIONS_PER_BOARD: the next connection to a full board gets 1013; other boards do not notice', async () => {
    await start({ maxConnectionsPerBoard: 3 });
    const full = await createBoardViaApi(h.url);
    const other = await createBoardViaApi(h.url);
    const first = [0, 1, 2].map(() => openPeer(h.url, full.id, full.tokens.participant));
    // Synced, not only opened: a socket is open before the server admits it (the board loads first), so
    // the fourth could otherwise overtake one of these and take its place.
    await Promise.all(first.map((p) => p.opened.then(() => p.sync())));
    const extra = openPeer(h.url, full.id, full.tokens.viewer);
    expect((await withTimeout(extra.closed, 5000, 'refusal')).code).toBe(CLOSE.tryAgainLater);
    const elsewhere = openPeer(h.url, other.id, other.tokens.viewer);
    await elsewhere.opened;
    await elsewhere.sync();
    for (const p of first) await p.sync();
    // A place frees up when someone leaves.
    first[0].close();
    await sleep(100);
    const again = openPeer(h.url, full.id, full.tokens.viewer);
    await again.opened;
    await again.sync();
    expect(metric(await scrapeMetrics(h.url), 'journey_refused_connections_total')).toBe(1);
  });

  it('MAX_CONNECTIONS: connections beyond the process limit get 1013, even when they all arrive at once', async () => {
    await start({ maxConnections: 4 });
    const b1 = await createBoardViaApi(h.url);
    const b2 = await createBoardViaApi(h.url);
    // A slow disk: every connection is still between its capacity check and its admission when the
    // next ones arrive.
    const store = h.server.store;
    const getBoard = store.getBoard.bind(store);
    store.getBoard = async (id) => {
      await sleep(300);
      return getBoard(id);
    };
    const peers = Array.from({ length: 10 }, (_, i) => (i % 2 ? openPeer(h.url, b1.id, b1.tokens.viewer) : openPeer(h.url, b2.id, b2.tokens.viewer)));
    // Every peer either stays open (and syncs) or is refused with 1013.
    const outcomes = await Promise.all(
      peers.map(async (p) => {
        await p.opened.catch(() => undefined);
        const r = await Promise.race([p.closed, p.sync(5000).then(() => 'synced' as const)]).catch(() => 'neither' as const);
        return typeof r === 'string' ? r : r.code;
      }),
    );
    await sleep(100);
    expect(outcomes.filter((o) => o === 'synced').length).toBe(4);
    expect(outcomes.filter((o) => o === CLOSE.tryAgainLater).length).toBe(6);
    expect(peers.filter((p) => p.isOpen()).length).toBe(4);
    expect(metric(await scrapeMetrics(h.url), 'journey_connections')).toBe(4);
  });

  it('MAX_DOC_BYTES: a write that would pass the limit is refused (not stored, not relayed); its sender stays connected', async () => {
    // 100% share: this test is about the board's cap; person-share has its own (capacity.test.ts).
    await start({ maxDocBytes: 13_000, personSharePercent: 100 });
    const b = await createBoardViaApi(h.url);
    const watcher = await syncedClient(h.url, b.id, b.tokens.viewer);
    const writer = connectClient(h.url, b.id, b.tokens.participant);
    await withTimeout(writer.synced, 5000, 'writer sync');
    const cards = writer.doc.getMap<Y.Map<unknown>>('cards');
    const addBig = (id: string) =>
      writer.doc.transact(() => {
        const m = new Y.Map<unknown>();
        m.set('text', new Y.Text('x'.repeat(4000)));
        cards.set(id, m);
      });
    addBig('first');
    addBig('second');
    await watcher.waitFor(() => watcher.doc.getMap('cards').size === 2, 'two big cards');
    addBig('third');
    addBig('fourth');
    addBig('fifth');
    await writer.waitFor(() => writer.provider.wsconnected && writer.provider.synced, 'still connected');
    await awarenessBarrier(writer, [watcher]);
    await sleep(200);
    expect([...watcher.doc.getMap('cards').keys()].sort()).toEqual(['first', 'second']);
    // No close: a stock client closed with 44xx stops reconnecting, with any other code it resends.
    expect(writer.closeCodes).toEqual([]);
    expect(metric(await scrapeMetrics(h.url), 'journey_dropped_writes_total{reason="doc-too-large"}')).toBeGreaterThanOrEqual(1);
    // Not in the store either.
    watcher.destroy();
    writer.destroy();
    await h.restart();
    const fresh = await syncedClient(h.url, b.id, b.tokens.viewer);
    expect([...fresh.doc.getMap('cards').keys()].sort()).toEqual(['first', 'second']);
  });

  it('updates waiting for parts the server never got are not kept: MAX_DOC_BYTES cannot be bypassed in memory', async () => {
    await start({});
    const b = await createBoardViaApi(h.url);
    const p = openPeer(h.url, b.id, b.tokens.participant);
    await p.opened;
    for (let i = 0; i < 100; i++) {
      // Each update skips its author's first transaction, so Yjs could never integrate it.
      const doc = new Y.Doc();
      doc.getMap('cards').set(`first${i}`, 'never sent');
      const sv = Y.encodeStateVector(doc);
      doc.getMap('cards').set(`gapped${i}`, new Y.Map([['text', 'x'.repeat(3900)]]));
      p.send(frame.update(Y.encodeStateAsUpdate(doc, sv)));
    }
    expect(await p.probe()).toBe('answered');
    const room = await h.server.rooms.open(b.id);
    expect(room.doc.store.pendingStructs).toBeNull();
    expect(room.doc.store.pendingDs).toBeNull();
    expect(metric(await scrapeMetrics(h.url), 'journey_dropped_writes_total{reason="incomplete"}')).toBe(100);
  });

  it('a stock client that edits while it reconnects, before its offline edits reached the server, loses nothing', async () => {
    await start({});
    const b = await createBoardViaApi(h.url);
    const a = await syncedClient(h.url, b.id, b.tokens.participant);
    const watcher = await syncedClient(h.url, b.id, b.tokens.participant);
    a.provider.disconnect();
    a.doc.getMap('cards').set('offline', new Y.Map());
    // Written the moment the socket opens: sent before the step 2 that carries 'offline'.
    const onStatus = ({ status }: { status: string }) => {
      if (status !== 'connected') return;
      a.provider.off('status', onStatus);
      a.doc.getMap('cards').set('while-reconnecting', new Y.Map());
    };
    a.provider.on('status', onStatus);
    a.provider.connect();
    await watcher.waitFor(() => ['offline', 'while-reconnecting'].every((k) => watcher.doc.getMap('cards').has(k)), 'both cards');
    expect(metric(await scrapeMetrics(h.url), 'journey_dropped_writes_total{reason="incomplete"}')).toBe(1);
  });

  it('BOARDS_PER_MINUTE: creating more boards from one address answers 429 with Retry-After', async () => {
    await start({ boardsPerMinute: 3 });
    for (let i = 0; i < 3; i++) await createBoardViaApi(h.url);
    const res = await fetch(`${h.url}/api/boards`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('60');
    expect(await res.json()).toMatchObject({ error: 'too_many_boards' });
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
  });
});
