/**
 * Boards from templates and the worked example go through the backup import (POST /api/boards/import):
 * every file of shared/templates/files/ creates a board with its content; a broken template creates
 * nothing and says why.
 */
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { boardToBackup } from '../../shared/backup/to-backup';
import { generatedTemplateFiles } from '../../shared/templates/files';
import { boardFromTemplate } from '../../shared/templates/template-board';
import { importWork } from './import-work';
import { destroyAllClients, syncedClient } from '../test-support/clients';
import { startTestServer, type TestServer } from '../test-support/server';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(() => srv.stop());
afterEach(() => destroyAllClients());

const post = (body: string) => fetch(`${srv.url}/api/boards/import`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });

describe('boards from templates', () => {
  it('every template and the example, in both languages, pass the import and build their board', () => {
    const now = Date.now();
    for (const f of generatedTemplateFiles()) {
      const sent = boardFromTemplate(f.backup, '', now);
      const outcome = importWork({ body: new TextEncoder().encode(JSON.stringify(sent)), maxDocBytes: 16 * 1024 * 1024 });
      expect(outcome.ok, f.file).toBe(true);
      if (!outcome.ok) continue;
      const doc = new Y.Doc();
      for (const part of outcome.parts) Y.applyUpdate(doc, part);
      expect(boardToBackup(doc, sent.exportedAt), f.file).toEqual(sent);
    }
  });

  it('through the API (a worker thread per import): the Italian example', async () => {
    const now = Date.now();
    for (const f of generatedTemplateFiles().filter((g) => g.file === 'example.it.json')) {
      const sent = boardFromTemplate(f.backup, '', now);
      const res = await post(JSON.stringify(sent));
      expect(res.status, f.file).toBe(201);
      const { id, tokens } = (await res.json()) as { id: string; tokens: { viewer: string } };
      const viewer = await syncedClient(srv.url, id, tokens.viewer);
      expect(boardToBackup(viewer.doc, sent.exportedAt), f.file).toEqual(sent);
      viewer.destroy();
    }
  });

  it('a broken template file gets 400 with the problem, and no board', async () => {
    const [f] = generatedTemplateFiles().filter((g) => g.name === 'online-shop');
    const broken = JSON.parse(f.text) as { board: { cards: Array<{ text: unknown }> } };
    broken.board.cards[2].text = 42;
    const res = await post(JSON.stringify(broken));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; message: string; problems: Array<{ path: string; code: string }> };
    expect(body.error).toBe('invalid_backup');
    expect(body.message).toMatch(/not a valid Journey Studio backup/);
    expect(body.problems[0]).toMatchObject({ path: 'board.cards.2.text', code: 'invalid_type' });
  });
});
