import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, deleteCard, moveCard, setCardText } from '../../shared/commands/cards';
import { goToStep } from '../../shared/commands/agenda';
import { boardToBackup } from '../../shared/backup/to-backup';
import type { Backup } from '../../shared/backup/backup-schema';
import { AUTO_CHECKPOINT_MS, MAX_NAMED_VERSIONS, type VersionEntry, type VersionListResponse } from '../../shared/history/version-types';
import { versionId } from '../../shared/history/version-id';
import type { CreateBoardResponse } from '../../shared/protocol';
import { createBoardViaApi, destroyAllClients, syncedClient } from '../test-support/clients';
import { startTestServer, type TestServer } from '../test-support/server';

/** The server's history clock, moved by hand. */
let now = Date.UTC(2026, 11, 2, 9, 0, 0);
let t: TestServer;

beforeAll(async () => {
  t = await startTestServer({}, { clock: () => now });
});
afterEach(() => destroyAllClients());
afterAll(async () => {
  await t.stop();
});

const api = (board: string, token: string | null, path = '', init: { method?: string; body?: string; headers?: Record<string, string> } = {}) =>
  fetch(`${t.url}/api/boards/${board}/versions${path}`, {
    method: init.method ?? 'GET',
    headers: { ...(token && { Authorization: `Bearer ${token}` }), ...(init.body !== undefined && { 'Content-Type': 'application/json' }), ...init.headers },
    body: init.body,
  });
const post = (board: string, token: string, path: string, body: unknown) => api(board, token, path, { method: 'POST', body: JSON.stringify(body) });
const list = async (b: CreateBoardResponse) => ((await (await api(b.id, b.tokens.viewer)).json()) as VersionListResponse).versions;
const contentOf = (doc: Y.Doc) => boardToBackup(doc, 0).board;
const backupOf = async (b: CreateBoardResponse, vid: string) => (await (await api(b.id, b.tokens.viewer, `/${vid}`)).json()) as Backup;
/** Polls the list until it holds a checkpoint that `pred` accepts (automatic ones are taken after the write is stored). */
async function pollVersion(b: CreateBoardResponse, pred: (v: VersionEntry) => boolean, what: string): Promise<VersionEntry> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const hit = (await list(b)).find(pred);
    if (hit) return hit;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('board history over HTTP', () => {
  it('a facilitator takes a named checkpoint: listed newest first with its summary, readable by a viewer as a backup of that moment', async () => {
    const b = await createBoardViaApi(t.url, { locale: 'en' });
    const fac = await syncedClient(t.url, b.id, b.tokens.facilitator);
    addCard(fac.doc, { stage: 'awareness', lane: 'activities', text: 'Sees the shop' });
    addCard(fac.doc, { stage: 'use', lane: 'ideas', text: 'Loyalty card' });
    // The server relays only what it stored: once another client has both cards, the server has them.
    const viewer = await syncedClient(t.url, b.id, b.tokens.viewer);
    await viewer.waitFor(() => viewer.doc.getMap('cards').size === 2, 'the cards to be stored');
    const res = await post(b.id, b.tokens.facilitator, '', { label: '  Before voting ', by: 'Anna' });
    expect(res.status).toBe(201);
    const { id, at } = (await res.json()) as { id: string; at: number };
    expect(at).toBe(now);
    const expected = contentOf(fac.doc);
    addCard(fac.doc, { stage: 'use', lane: 'ideas', text: 'After the checkpoint' });

    const versions = await list(b);
    expect(versions[0]).toMatchObject({ id, at, by: 'Anna', kind: 'named', label: 'Before voting' });
    expect(versions[0].summary.cards).toBe(2);
    expect(versions[0].summary.cardsPerStage.find((s) => s.stage === 'use')).toEqual({ stage: 'use', title: 'Use', cards: 1 });
    const backup = await backupOf(b, id);
    expect(backup).toMatchObject({ format: 'journey-studio-backup', version: 1, exportedAt: at });
    expect(backup.board).toEqual(expected);
  });

  it('takes automatic checkpoints after 10 minutes of activity (test clock) and at each agenda step', async () => {
    const b = await createBoardViaApi(t.url, { locale: 'en' });
    const fac = await syncedClient(t.url, b.id, b.tokens.facilitator);
    const part = await syncedClient(t.url, b.id, b.tokens.participant);
    addCard(part.doc, { stage: 'awareness', lane: 'activities', text: 'one' });
    await fac.waitFor(() => fac.doc.getMap('cards').size === 1);
    now += AUTO_CHECKPOINT_MS - 1;
    addCard(part.doc, { stage: 'awareness', lane: 'activities', text: 'two' });
    await fac.waitFor(() => fac.doc.getMap('cards').size === 2);
    expect(await list(b)).toEqual([]); // not yet ten minutes
    now += 1;
    addCard(part.doc, { stage: 'awareness', lane: 'activities', text: 'three' });
    const auto = await pollVersion(b, (v) => v.kind === 'auto', 'the automatic checkpoint');
    expect(auto).toMatchObject({ by: null, label: '', at: now });
    expect(auto.summary.cards).toBe(3);
    // The next ten minutes start at the next change.
    now += 60_000;
    addCard(part.doc, { stage: 'use', lane: 'activities', text: 'four' });
    await fac.waitFor(() => fac.doc.getMap('cards').size === 4);

    goToStep(fac.doc, 2, now);
    const step = await pollVersion(b, (v) => v.kind === 'agenda', 'the agenda checkpoint');
    expect(step).toMatchObject({ by: null, label: 'Emotions and the curve' });
    expect(step.summary.cards).toBe(4);
    expect((await list(b)).map((v) => v.kind)).toEqual(['agenda', 'auto']);
  });

  it('restores a checkpoint as a new board (any role) equal to the checkpoint, with fresh links', async () => {
    const b = await createBoardViaApi(t.url, { locale: 'en', title: 'Bakery' });
    const fac = await syncedClient(t.url, b.id, b.tokens.facilitator);
    addCard(fac.doc, { stage: 'purchase', lane: 'goals', text: 'Pay «fast» 😀' });
    const viewer = await syncedClient(t.url, b.id, b.tokens.viewer);
    await viewer.waitFor(() => viewer.doc.getMap('cards').size === 1, 'the card to be stored');
    const { id } = (await (await post(b.id, b.tokens.facilitator, '', { label: 'cp' })).json()) as { id: string };
    // Restoring runs the backup import in its worker thread: one restore here, with a title of its own.
    const res = await post(b.id, b.tokens.viewer, `/${id}/restore`, { mode: 'new-board', title: 'Second workshop' });
    expect(res.status).toBe(201);
    const created = (await res.json()) as CreateBoardResponse;
    expect(created.id).not.toBe(b.id);
    for (const token of Object.values(created.tokens)) expect(Object.values(b.tokens)).not.toContain(token);
    const copy = await syncedClient(t.url, created.id, created.tokens.viewer);
    const checkpoint = (await backupOf(b, id)).board;
    expect(contentOf(copy.doc)).toEqual({ ...checkpoint, meta: { ...checkpoint.meta, title: 'Second workshop' } });
    // The first board's links do not open the copy.
    const access = await fetch(`${t.url}/api/boards/${created.id}/access`, { headers: { Authorization: `Bearer ${b.tokens.facilitator}` } });
    expect(access.status).toBe(401);
  });

  it('reverts the live board: a stock client sees the checkpoint, and reverting to the checkpoint taken first undoes it', async () => {
    const b = await createBoardViaApi(t.url, { locale: 'en' });
    const fac = await syncedClient(t.url, b.id, b.tokens.facilitator);
    const stock = await syncedClient(t.url, b.id, b.tokens.participant);
    const keep = addCard(stock.doc, { stage: 'use', lane: 'ideas', text: 'Keep me' });
    const gone = addCard(stock.doc, { stage: 'use', lane: 'ideas', text: 'Delete me later' });
    await fac.waitFor(() => fac.doc.getMap('cards').size === 2);
    const { id: checkpoint } = (await (await post(b.id, b.tokens.facilitator, '', { label: 'Before the discussion' })).json()) as { id: string };
    const atCheckpoint = contentOf(fac.doc);

    setCardText(stock.doc, keep, 'Keep me, edited');
    moveCard(stock.doc, keep, { stage: 'purchase', lane: 'ideas' });
    deleteCard(stock.doc, gone);
    addCard(stock.doc, { stage: 'retention', lane: 'goals', text: 'New after' });
    await fac.waitFor(() => fac.doc.getMap('cards').size === 2 && fac.doc.getMap('cards').has(gone) === false, 'the changes to reach the facilitator');
    await stock.waitFor(() => true);
    const changed = contentOf(stock.doc);

    const res = await post(b.id, b.tokens.facilitator, `/${checkpoint}/restore`, { mode: 'revert', by: 'Anna' });
    expect(res.status).toBe(200);
    const { before } = (await res.json()) as { before: { id: string; at: number } };
    await stock.waitFor(() => JSON.stringify(contentOf(stock.doc)) === JSON.stringify(atCheckpoint), 'the stock client to see the revert');
    await fac.waitFor(() => JSON.stringify(contentOf(fac.doc)) === JSON.stringify(atCheckpoint), 'the facilitator to see the revert');
    const entry = (await list(b)).find((v) => v.id === before.id)!;
    expect(entry).toMatchObject({ kind: 'revert', by: 'Anna', revertedTo: checkpoint });
    expect((await backupOf(b, before.id)).board).toEqual(changed);

    expect((await post(b.id, b.tokens.facilitator, `/${before.id}/restore`, { mode: 'revert' })).status).toBe(200);
    await stock.waitFor(() => JSON.stringify(contentOf(stock.doc)) === JSON.stringify(changed), 'the stock client to see the undo');
    await fac.waitFor(() => JSON.stringify(contentOf(fac.doc)) === JSON.stringify(changed), 'the facilitator to see the undo');
    // A client that connects now loads the same board from the server.
    const late = await syncedClient(t.url, b.id, b.tokens.viewer);
    expect(contentOf(late.doc)).toEqual(changed);
  });

  it('refuses the 201st named checkpoint with a clear error, and thins old automatic ones (all of the last day, then one per hour)', async () => {
    const b = await createBoardViaApi(t.url, { locale: 'en' });
    const store = t.server.store;
    const summary = { cards: 0, cardsPerStage: [], unplaced: 0, moments: 0, votes: 0 };
    const state = Y.encodeStateAsUpdate(new Y.Doc());
    const HOUR = 3_600_000;
    const dayAgo = now - 30 * HOUR - (now % HOUR); // on an hour boundary, 30 hours back
    const put = async (at: number, kind: VersionEntry['kind']) => {
      const e: VersionEntry = { id: versionId(at), at, by: null, kind, label: kind === 'named' ? 'n' : '', summary };
      await store.putVersion(b.id, e, state);
      return e;
    };
    const sameHour = [await put(dayAgo + 60_000, 'auto'), await put(dayAgo + 20 * 60_000, 'agenda'), await put(dayAgo + 50 * 60_000, 'auto')];
    const nextHour = await put(dayAgo + HOUR + 5 * 60_000, 'revert');
    const oldNamed = await put(dayAgo + 2 * 60_000, 'named');
    const recent = [await put(now - HOUR, 'auto'), await put(now - HOUR + 1, 'auto')];
    for (let i = 1; i < MAX_NAMED_VERSIONS; i++) await put(now - 10 * HOUR + i, 'named');

    const refused = await post(b.id, b.tokens.facilitator, '', { label: 'one too many' });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: string }).error).toBe('too_many_versions');
    // An automatic checkpoint is still taken, and thins the old ones.
    const fac = await syncedClient(t.url, b.id, b.tokens.facilitator);
    goToStep(fac.doc, 0, now);
    await pollVersion(b, (v) => v.kind === 'agenda' && v.at === now, 'the agenda checkpoint');
    const ids = new Set((await list(b)).map((v) => v.id));
    expect(ids.has(sameHour[0].id) || ids.has(sameHour[1].id)).toBe(false);
    expect(ids.has(sameHour[2].id)).toBe(true); // the newest of its hour
    expect(ids.has(nextHour.id)).toBe(true);
    expect(ids.has(oldNamed.id)).toBe(true);
    for (const r of recent) expect(ids.has(r.id)).toBe(true);
    expect(ids.size).toBe(MAX_NAMED_VERSIONS + 5);
  });

  it('checks the role on every route and refuses hostile input with clear errors', async () => {
    const b = await createBoardViaApi(t.url, { locale: 'en' });
    const { id: vid } = (await (await post(b.id, b.tokens.facilitator, '', { label: 'cp' })).json()) as { id: string };
    const code = async (res: Response) => [res.status, ((await res.json()) as { error: string }).error];
    // Viewers and participants read; only facilitators write the history or revert.
    for (const role of ['participant', 'viewer'] as const) {
      expect((await api(b.id, b.tokens[role])).status).toBe(200);
      expect((await api(b.id, b.tokens[role], `/${vid}`)).status).toBe(200);
      expect(await code(await post(b.id, b.tokens[role], '', { label: 'x' }))).toEqual([403, 'facilitator_only']);
      expect(await code(await post(b.id, b.tokens[role], `/${vid}/restore`, { mode: 'revert' }))).toEqual([403, 'facilitator_only']);
    }
    // No token, a wrong token, the token in the URL: refused on every route.
    for (const [path, method] of [['', 'GET'], ['', 'POST'], [`/${vid}`, 'GET'], [`/${vid}/restore`, 'POST']] as const) {
      const body = method === 'POST' ? '{}' : undefined;
      expect(await code(await api(b.id, null, path, { method, body }))).toEqual([401, 'bad_token']);
      expect(await code(await api(b.id, 'wrong', path, { method, body }))).toEqual([401, 'bad_token']);
      const inUrl = await fetch(`${t.url}/api/boards/${b.id}/versions${path}?token=${b.tokens.facilitator}`, { method, body: method === 'POST' ? '{}' : undefined });
      expect(inUrl.status).toBe(401);
    }
    expect(await code(await api('unknownBoardIdXXXXXX', b.tokens.viewer))).toEqual([404, 'unknown_board']);
    expect(await code(await api(b.id, b.tokens.viewer, `/${versionId(now + 5)}`))).toEqual([404, 'unknown_version']);
    expect(await code(await api(b.id, b.tokens.viewer, '/..%2F..%2Fetc'))).toEqual([404, 'unknown_version']);
    expect(await code(await post(b.id, b.tokens.facilitator, `/${versionId(1)}/restore`, { mode: 'revert' }))).toEqual([404, 'unknown_version']);
    expect(await code(await post(b.id, b.tokens.viewer, `/${versionId(1)}/restore`, { mode: 'new-board' }))).toEqual([404, 'unknown_version']);
    // Bodies.
    const f = b.tokens.facilitator;
    expect(await code(await api(b.id, f, '', { method: 'POST', body: '{"label":' }))).toEqual([400, 'invalid_json']);
    expect(await code(await post(b.id, f, '', {}))).toEqual([400, 'invalid_body']);
    expect(await code(await post(b.id, f, '', { label: '   ' }))).toEqual([400, 'invalid_body']);
    expect(await code(await post(b.id, f, '', { label: 'x'.repeat(121) }))).toEqual([400, 'invalid_body']);
    expect(await code(await post(b.id, f, '', { label: 'ok', by: 'y'.repeat(61) }))).toEqual([400, 'invalid_body']);
    expect(await code(await post(b.id, f, '', { label: 'ok', extra: 1 }))).toEqual([400, 'invalid_body']);
    expect(await code(await post(b.id, f, '', ['label']))).toEqual([400, 'invalid_body']);
    expect(await code(await post(b.id, f, '', { label: 'x'.repeat(20_000) }))).toEqual([413, 'too_large']);
    expect(await code(await post(b.id, f, `/${vid}/restore`, { mode: 'undo' }))).toEqual([400, 'invalid_body']);
    expect(await code(await post(b.id, f, `/${vid}/restore`, {}))).toEqual([400, 'invalid_body']);
    expect(await code(await post(b.id, f, `/${vid}/restore`, { mode: 'new-board', title: '' }))).toEqual([400, 'invalid_body']);
    expect(await code(await api(b.id, f, `/${vid}/restore`, { method: 'DELETE' }))).toEqual([405, 'method_not_allowed']);
    expect(await code(await api(b.id, f, '', { method: 'DELETE' }))).toEqual([405, 'method_not_allowed']);
    // Nothing of that was taken.
    expect((await list(b)).map((v) => v.id)).toEqual([vid]);
  });

  it('a facilitator deletes a named checkpoint; others are refused, and the server\'s own checkpoints stay', async () => {
    const b = await createBoardViaApi(t.url, { locale: 'en' });
    const code = async (res: Response) => [res.status, ((await res.json()) as { error: string }).error];
    const del = (token: string | null, vid: string) => api(b.id, token, `/${vid}`, { method: 'DELETE' });
    const { id: keep } = (await (await post(b.id, b.tokens.facilitator, '', { label: 'keep' })).json()) as { id: string };
    now += 1;
    const { id: drop } = (await (await post(b.id, b.tokens.facilitator, '', { label: 'drop' })).json()) as { id: string };
    now += 1;
    const fac = await syncedClient(t.url, b.id, b.tokens.facilitator);
    goToStep(fac.doc, 1, now);
    const agenda = await pollVersion(b, (v) => v.kind === 'agenda', 'the agenda checkpoint');

    expect(await code(await del(b.tokens.viewer, drop))).toEqual([403, 'facilitator_only']);
    expect(await code(await del(b.tokens.participant, drop))).toEqual([403, 'facilitator_only']);
    expect(await code(await del(null, drop))).toEqual([401, 'bad_token']);
    expect(await code(await del(b.tokens.facilitator, versionId(now + 99)))).toEqual([404, 'unknown_version']);
    expect(await code(await del(b.tokens.facilitator, 'not-a-version-id'))).toEqual([404, 'unknown_version']);
    expect(await code(await api('unknownBoardIdXXXXXX', b.tokens.facilitator, `/${drop}`, { method: 'DELETE' }))).toEqual([404, 'unknown_board']);
    expect(await code(await del(b.tokens.facilitator, agenda.id))).toEqual([409, 'not_named']);
    expect((await list(b)).map((v) => v.id)).toEqual([agenda.id, drop, keep]);

    const res = await del(b.tokens.facilitator, drop);
    expect(res.status).toBe(204);
    expect((await list(b)).map((v) => v.id)).toEqual([agenda.id, keep]);
    expect(await code(await api(b.id, b.tokens.viewer, `/${drop}`))).toEqual([404, 'unknown_version']);
    expect(await code(await del(b.tokens.facilitator, drop))).toEqual([404, 'unknown_version']);
  });
});

describe('a revert held to the content limits', () => {
  it('a checkpoint holding more than a board may hold (a 5,000-character card) is refused: 422, nothing changed', async () => {
    const b = await createBoardViaApi(t.url, { locale: 'en' });
    const fac = await syncedClient(t.url, b.id, b.tokens.facilitator);
    // A checkpoint as a server with other limits could have stored it: the board now plus one long card.
    const old = new Y.Doc();
    Y.applyUpdate(old, Y.encodeStateAsUpdate(fac.doc));
    const long = addCard(old, { stage: 'use', lane: 'ideas', text: 'x' });
    ((old.getMap('cards').get(long) as Y.Map<unknown>).get('text') as Y.Text).insert(1, 'y'.repeat(4999));
    const entry: VersionEntry = { id: versionId(now - 1000), at: now - 1000, by: null, kind: 'named', label: 'long', summary: { cards: 1, cardsPerStage: [], unplaced: 0, moments: 0, votes: 0 } };
    await t.server.store.putVersion(b.id, entry, Y.encodeStateAsUpdate(old));
    const res = await post(b.id, b.tokens.facilitator, `/${entry.id}/restore`, { mode: 'revert' });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: string }).error).toBe('version_over_limits');
    expect((await list(b)).map((v) => v.id)).toEqual([entry.id]);
    const late = await syncedClient(t.url, b.id, b.tokens.viewer);
    expect(late.doc.getMap('cards').size).toBe(0);
  });
});

describe('a revert held to the board size limit (MAX_DOC_BYTES)', () => {
  let small: TestServer;
  beforeAll(async () => {
    small = await startTestServer({ maxDocBytes: 96 * 1024 }, { clock: () => now });
  });
  afterAll(async () => {
    await small.stop();
  });

  it('refuses a revert that would take the board over the limit (413, nothing changed, no checkpoint left); a revert that only deletes passes', async () => {
    const b = await createBoardViaApi(small.url, { locale: 'en' });
    const at = (path: string, body: unknown) =>
      fetch(`${small.url}/api/boards/${b.id}/versions${path}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${b.tokens.facilitator}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    const versions = async () =>
      ((await (await fetch(`${small.url}/api/boards/${b.id}/versions`, { headers: { Authorization: `Bearer ${b.tokens.viewer}` } })).json()) as VersionListResponse).versions;
    const fac = await syncedClient(small.url, b.id, b.tokens.facilitator);
    const viewer = await syncedClient(small.url, b.id, b.tokens.viewer);
    const { id: empty } = (await (await at('', { label: 'empty' })).json()) as { id: string };
    now += 1;
    // 28 KB of cards, checkpointed, then deleted: they stay in the board's stored history.
    const old = Array.from({ length: 8 }, (_, i) => addCard(fac.doc, { stage: 'use', lane: 'ideas', text: String.fromCharCode(97 + i).repeat(3500) }));
    await viewer.waitFor(() => viewer.doc.getMap('cards').size === 8, 'the old cards to be stored');
    const { id: full } = (await (await at('', { label: 'full' })).json()) as { id: string };
    now += 1;
    for (const id of old) deleteCard(fac.doc, id);
    // 49 KB of new cards: the board is within its limit, and the old ones written again would not be.
    for (let i = 0; i < 14; i++) addCard(fac.doc, { stage: 'purchase', lane: 'goals', text: String.fromCharCode(65 + i).repeat(3500) });
    await viewer.waitFor(() => viewer.doc.getMap('cards').size === 14 && !viewer.doc.getMap('cards').has(old[0]), 'the new cards to be stored');
    const live = contentOf(viewer.doc);
    const listed = (await versions()).map((v) => v.id);

    const refused = await at(`/${full}/restore`, { mode: 'revert' });
    expect(refused.status).toBe(413);
    const body = (await refused.json()) as { error: string; message: string };
    expect(body.error).toBe('board_too_large');
    expect(body.message).toMatch(/larger than its limit of 98304 bytes.*Nothing was changed/);
    expect((await versions()).map((v) => v.id)).toEqual(listed);
    const late = await syncedClient(small.url, b.id, b.tokens.viewer);
    expect(contentOf(late.doc)).toEqual(live);
    expect(contentOf(fac.doc)).toEqual(live);

    // Back to the empty board: deletions only, which pass whatever the size (as deletions written by hand do).
    expect((await at(`/${empty}/restore`, { mode: 'revert' })).status).toBe(200);
    await late.waitFor(() => late.doc.getMap('cards').size === 0, 'the revert to reach a client');
  });
});
