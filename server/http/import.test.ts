import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addCard } from '../../shared/commands/cards';
import { boardToBackup } from '../../shared/backup/to-backup';
import { createBoardViaApi, destroyAllClients, syncedClient } from '../test-support/clients';
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
