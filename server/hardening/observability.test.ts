import { afterEach, describe, expect, it } from 'vitest';
import { addCard } from '../../shared/commands';
import { CLOSE } from '../../shared/protocol';
import { createBoardViaApi, destroyAllClients, sleep, syncedClient, withTimeout } from '../test-support/clients';
import { closeAllPeers, frame, metric, openPeer, parsedLogs, rawHttp, scrapeMetrics, startHardServer, upgradeRequest, type HardServer } from './support';

let h: HardServer | undefined;
afterEach(async () => {
  destroyAllClients();
  closeAllPeers();
  await h?.stop();
  h = undefined;
});

describe.sequential('health', () => {
  it('/healthz is 200 when ready and 503 while shutting down; meanwhile new sockets and API calls are refused', async () => {
    h = await startHardServer({});
    const health = await fetch(`${h.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    const b = await createBoardViaApi(h.url);
    const c = await syncedClient(h.url, b.id, b.tokens.participant);
    const id = addCard(c.doc, { stage: 'use', lane: 'ideas', text: 'flushed on the way out' });
    const watcher = await syncedClient(h.url, b.id, b.tokens.viewer);
    await watcher.waitFor(() => watcher.doc.getMap('cards').has(id), 'the card');
    // A slow disk keeps the shutdown's final flush busy for a while.
    const store = h.server.store;
    const compact = store.compact.bind(store);
    store.compact = async (...args) => {
      await sleep(1000);
      return compact(...args);
    };
    const closing = h.server.close();
    await sleep(100);
    const during = await fetch(`${h.url}/healthz`);
    expect(during.status).toBe(503);
    expect(await during.json()).toEqual({ ok: false, reason: 'shutting down' });
    expect((await fetch(`${h.url}/api/boards`, { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } })).status).toBe(503);
    expect((await rawHttp(h.url, upgradeRequest(`/ws/${b.id}?token=${b.tokens.viewer}`))).text).toMatch(/^HTTP\/1.1 503/);
    // Connected clients were told to come back later (1012), before the flush ended.
    expect(c.closeCodes).toContain(CLOSE.restart);
    expect(watcher.closeCodes).toContain(CLOSE.restart);
    await closing;
    await expect(fetch(`${h.url}/healthz`)).rejects.toThrow();
    c.destroy();
    watcher.destroy();
    await h.restart();
    const after = await syncedClient(h.url, b.id, b.tokens.viewer);
    expect(after.doc.getMap('cards').has(id)).toBe(true);
  });
});

describe.sequential('metrics', () => {
  it('/metrics is Prometheus text, and every counter moves with what happens', async () => {
    h = await startHardServer({ rateMessages: 20, rateMessagesBurst: 20, maxConnectionsPerBoard: 3 });
    const text = await (await fetch(`${h.url}/metrics`)).text();
    expect((await fetch(`${h.url}/metrics`)).headers.get('content-type')).toMatch(/^text\/plain; version=0.0.4/);
    // Every sample has HELP and TYPE lines, and every line is a comment or `name{labels} number`.
    for (const line of text.trim().split('\n')) expect(line).toMatch(/^(# (HELP|TYPE) journey_\w+ .+|journey_\w+(\{[a-z]+="[\w-]+"\})? -?\d+(\.\d+)?)$/);
    const names = [...text.matchAll(/^# TYPE (\w+) (counter|gauge)$/gm)].map((m) => m[1]);
    for (const name of [
      'journey_connections',
      'journey_boards_in_memory',
      'journey_messages_in_total',
      'journey_messages_out_total',
      'journey_bytes_in_total',
      'journey_bytes_out_total',
      'journey_dropped_writes_total',
      'journey_store_writes_total',
      'journey_store_write_ms_sum',
      'journey_store_write_ms_max',
      'journey_errors_total',
      'journey_bad_messages_total',
      'journey_rate_limited_total',
      'journey_refused_connections_total',
      'journey_store_records_dropped_total',
      'journey_store_torn_write_bytes',
    ]) {
      expect(names, name).toContain(name);
    }
    const m0 = await scrapeMetrics(h.url);

    const b = await createBoardViaApi(h.url);
    const p = await syncedClient(h.url, b.id, b.tokens.participant);
    const v = await syncedClient(h.url, b.id, b.tokens.viewer);
    let m = await scrapeMetrics(h.url);
    expect(metric(m, 'journey_connections')).toBe(2);
    expect(metric(m, 'journey_boards_in_memory')).toBe(1);

    for (let i = 0; i < 5; i++) addCard(p.doc, { stage: 'use', lane: 'ideas', text: `card ${i}` });
    await v.waitFor(() => v.doc.getMap('cards').size === 5, 'five cards');
    addCard(v.doc, { stage: 'use', lane: 'ideas', text: 'a viewer may not' });
    await sleep(200);
    m = await scrapeMetrics(h.url);
    for (const k of ['journey_messages_in_total', 'journey_messages_out_total', 'journey_bytes_in_total', 'journey_bytes_out_total']) {
      expect(metric(m, k), k).toBeGreaterThan(metric(m0, k));
    }
    expect(metric(m, 'journey_bytes_in_total')).toBeGreaterThan(metric(m, 'journey_messages_in_total'));
    expect(metric(m, 'journey_store_writes_total')).toBeGreaterThanOrEqual(5);
    expect(metric(m, 'journey_store_write_ms_sum')).toBeGreaterThanOrEqual(0);
    expect(m.has('journey_store_write_ms_max')).toBe(true);
    expect(metric(m, 'journey_dropped_writes_total{reason="viewer"}')).toBe(1);

    // Malformed, flooding and refused connections.
    const bad = openPeer(h.url, b.id, b.tokens.participant);
    await bad.opened;
    bad.send(Uint8Array.of(42));
    await bad.closed;
    const flood = openPeer(h.url, b.id, b.tokens.participant);
    await flood.opened;
    for (let i = 0; i < 100; i++) flood.send(frame.queryAwareness());
    await flood.closed;
    const third = openPeer(h.url, b.id, b.tokens.viewer);
    await third.opened;
    const fourth = openPeer(h.url, b.id, b.tokens.viewer);
    expect((await fourth.closed).code).toBe(CLOSE.tryAgainLater);
    m = await scrapeMetrics(h.url);
    expect(metric(m, 'journey_bad_messages_total')).toBe(1);
    expect(metric(m, 'journey_rate_limited_total')).toBe(1);
    expect(metric(m, 'journey_refused_connections_total')).toBe(1);
    expect(metric(m, 'journey_connections')).toBe(3);

    // A failing store: an error, the write is not relayed, and its sender is closed (1011).
    const store = h.server.store;
    const append = store.appendUpdate.bind(store);
    store.appendUpdate = () => Promise.reject(new Error('disk full'));
    const lost = addCard(p.doc, { stage: 'use', lane: 'ideas', text: 'not stored' });
    expect((await withTimeout(p.closed, 5000, 'close 1011')).code).toBe(1011);
    store.appendUpdate = append;
    await sleep(100);
    expect(v.doc.getMap('cards').has(lost)).toBe(false);
    m = await scrapeMetrics(h.url);
    expect(metric(m, 'journey_errors_total')).toBe(1);
    expect(parsedLogs(h.logs).find((l) => l.level === 'error' && l.msg === 'store write failed')).toMatchObject({ board: b.id });

    // Everyone leaves: the gauges come back down.
    for (const c of [p, v]) c.destroy();
    third.close();
    await sleep(200);
    m = await scrapeMetrics(h.url);
    expect(metric(m, 'journey_connections')).toBe(0);
  });
});

describe.sequential('logs', () => {
  it('are JSON, one line per event, with the listening port and board ids', async () => {
    h = await startHardServer({ rateMessages: 10, rateMessagesBurst: 10 }, 'debug');
    const b = await createBoardViaApi(h.url);
    const c = await syncedClient(h.url, b.id, b.tokens.participant);
    const flood = openPeer(h.url, b.id, b.tokens.participant);
    await flood.opened;
    for (let i = 0; i < 300; i++) flood.send(frame.queryAwareness());
    await flood.closed;
    c.destroy();
    await h.server.close();
    for (const line of h.logs) expect(line).not.toContain('\n');
    const entries = parsedLogs(h.logs);
    expect(entries[0]).toMatchObject({ level: 'info', msg: 'listening', port: h.server.port });
    for (const e of entries) expect(new Date(String(e.time)).toISOString()).toBe(e.time);
    expect(entries.filter((e) => e.msg.startsWith('rate limit'))).toEqual([expect.objectContaining({ level: 'warn', board: b.id })]);
    expect(entries.find((e) => e.msg === 'client joined')).toMatchObject({ board: b.id, role: 'participant' });
    expect(entries[entries.length - 1]).toMatchObject({ msg: 'stopped' });
  });
});
