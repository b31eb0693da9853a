import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CARD_TEXT_LENGTH } from '../../shared/doc/schema';
import { addCard } from '../../shared/commands/cards';
import { boardToBackup } from '../../shared/backup/to-backup';
import { createBoardViaApi, destroyAllClients, syncedClient, waitUntil } from '../test-support/clients';
import { startTestServer, type TestServer } from '../test-support/server';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(() => srv.stop());
afterEach(() => destroyAllClients());

const post = (body: string) =>
  fetch(`${srv.url}/api/boards/import`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });

describe('POST /api/boards/import', () => {
  it('creates a new board with the backup’s content', async () => {
    const board = await createBoardViaApi(srv.url, { title: 'Original', locale: 'it' });
    const fac = await syncedClient(srv.url, board.id, board.tokens.facilitator);
    addCard(fac.doc, { stage: 'use', lane: 'ideas', text: 'Più caffè' });
    const backup = boardToBackup(fac.doc, 1);

    const res = await post(JSON.stringify(backup));
    expect(res.status).toBe(201);
    const copy = (await res.json()) as { id: string; tokens: { viewer: string } };
    expect(copy.id).not.toBe(board.id);
    const viewer = await syncedClient(srv.url, copy.id, copy.tokens.viewer);
    expect(boardToBackup(viewer.doc, 1)).toEqual(backup);
  });

  it('refuses a broken backup and names the first problem', async () => {
    const res = await post(JSON.stringify({ format: 'journey-studio-backup', version: 9 }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; problems: Array<{ path: string }> };
    expect(body.error).toBe('invalid_backup');
    expect(body.problems[0].path).toBe('version');
    expect((await post('{not json')).status).toBe(400);
  });
});

describe('every board the server holds backs up and restores', () => {
  // A small cap keeps the test quick; the rules are the same at the default 16 MiB.
  const CAP = 256 * 1024;
  let small: TestServer;
  beforeAll(async () => {
    small = await startTestServer({ maxDocBytes: CAP });
  });
  afterAll(() => small.stop());

  const postTo = (url: string, body: string) => fetch(`${url}/api/boards/import`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });

  /** Backs up what a fresh viewer of `id` sees, imports it, and checks the copy is identical. */
  async function roundTrip(url: string, id: string, viewerToken: string, cards: number): Promise<{ json: number; state: number }> {
    const viewer = await syncedClient(url, id, viewerToken);
    await waitUntil(() => viewer.doc.getMap('cards').size === cards, 'the viewer to see every card', 10_000, viewer.doc);
    const backup = boardToBackup(viewer.doc, 1);
    const json = JSON.stringify(backup);
    const res = await postTo(url, json);
    expect(res.status).toBe(201);
    const copy = (await res.json()) as { id: string; tokens: { viewer: string } };
    const copyViewer = await syncedClient(url, copy.id, copy.tokens.viewer);
    expect(boardToBackup(copyViewer.doc, 1)).toEqual(backup);
    return { json: new TextEncoder().encode(json).byteLength, state: Y.encodeStateAsUpdate(viewer.doc).byteLength };
  }

  it('a card of the maximum length', async () => {
    const board = await createBoardViaApi(srv.url, { title: 'Long', locale: 'en' });
    const fac = await syncedClient(srv.url, board.id, board.tokens.facilitator);
    addCard(fac.doc, { stage: 'use', lane: 'ideas', text: 'é"\n\\'.repeat(MAX_CARD_TEXT_LENGTH / 4), extra: { answer: 'a'.repeat(MAX_CARD_TEXT_LENGTH) } });
    await roundTrip(srv.url, board.id, board.tokens.viewer, 1);
    expect((fac.doc.getMap('cards').values().next().value as Y.Map<Y.Text>).get('text')!.length).toBe(MAX_CARD_TEXT_LENGTH);
  });

  it('a board filled to its size cap, with text that JSON spells long (quotes, line breaks, backslashes)', async () => {
    const board = await createBoardViaApi(small.url, { title: 'Full', locale: 'it' });
    const fac = await syncedClient(small.url, board.id, board.tokens.facilitator);
    // One card per write, as people add them, until the next one would pass the cap.
    const text = '"\\\n'.repeat(1300);
    let n = 0;
    while (Y.encodeStateAsUpdate(fac.doc).byteLength + 2 * text.length < CAP) {
      addCard(fac.doc, { stage: 'use', lane: 'ideas', text, author: 'Anna' });
      n++;
    }
    const sizes = await roundTrip(small.url, board.id, board.tokens.viewer, n);
    expect(sizes.state).toBeGreaterThan(CAP * 0.95);
    // JSON spells each of these characters in two bytes: the backup is about twice the board, within the 4× the import allows.
    expect(sizes.json).toBeGreaterThan(1.8 * sizes.state);
    expect(sizes.json).toBeLessThan(4 * CAP);
  });

  it('refuses a backup whose board would pass the cap with 413 board_too_large', async () => {
    const board = await createBoardViaApi(srv.url, { title: 'Big', locale: 'en' });
    const fac = await syncedClient(srv.url, board.id, board.tokens.facilitator);
    for (let i = 0; i < 70; i++) addCard(fac.doc, { stage: 'use', lane: 'ideas', text: `${i} ${'w'.repeat(3990)}` });
    const viewer = await syncedClient(srv.url, board.id, board.tokens.viewer);
    await waitUntil(() => viewer.doc.getMap('cards').size === 70, 'the viewer to see every card', 10_000, viewer.doc);
    const res = await postTo(small.url, JSON.stringify(boardToBackup(viewer.doc, 1)));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toBe('board_too_large');
  });
});
