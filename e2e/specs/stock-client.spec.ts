import * as Y from 'yjs';
import { expect, test } from '../fixtures';
import { connectStockClient, writeNoteByHand, type StockClient } from '../stock-client';

/**
 * The document format is a public API (docs/document-format.md): a script with a stock y-websocket
 * client and a board link reads and writes the same board the workshop sees in the browser.
 */
test('a script with a stock y-websocket client and the people in the browser see each other’s notes', async ({
  createBoard,
  person,
  server,
}) => {
  const board = await createBoard('Bike rental', 'en');
  const anna = await person('Anna', 'facilitator');
  const clients: StockClient[] = [];
  try {
    const script = await connectStockClient(server.url, board.id, board.tokens.participant);
    clients.push(script);

    await test.step('the script adds a note by writing the document fields; it appears in the browser', async () => {
      writeNoteByHand(script.doc, {
        id: 'from-a-script-1',
        text: 'Searches for reviews on the phone',
        stage: 'consideration',
        lane: 'activities',
        author: 'Script',
      });
      const note = anna.board.noteById('from-a-script-1');
      await anna.board.expectNoteText(note, 'Searches for reviews on the phone');
      await anna.board.expectNoteInCell(note, 'consideration', 'activities');
    });

    await test.step('Anna edits that note and adds another; the script reads both', async () => {
      await anna.board.editNote(anna.board.noteById('from-a-script-1'), 'Searches for reviews on the train');
      const cards = script.doc.getMap<Y.Map<unknown>>('cards');
      await expect.poll(() => String(cards.get('from-a-script-1')?.get('text'))).toBe('Searches for reviews on the train');

      const id = await anna.board.addNote('advocacy', 'ideas', 'Share a ride photo');
      await expect.poll(() => cards.get(id)?.toJSON()).toMatchObject({
        id,
        kind: 'note',
        text: 'Share a ride photo',
        stage: 'advocacy',
        lane: 'ideas',
        author: 'Anna',
      });
      expect(cards.get(id)?.get('text')).toBeInstanceOf(Y.Text);
    });

    await test.step('a script holding only the view-only link cannot add anything', async () => {
      const dropped = () => droppedWrites(server.url);
      const before = await dropped();
      const viewer = await connectStockClient(server.url, board.id, board.tokens.viewer);
      clients.push(viewer);
      writeNoteByHand(viewer.doc, { id: 'from-a-viewer', text: 'Should not appear', stage: 'use', lane: 'goals', author: 'Viewer' });
      await expect.poll(dropped, { message: 'the server drops the viewer’s write' }).toBeGreaterThan(before);
      await expect(anna.board.noteById('from-a-viewer')).toHaveCount(0);
      await expect(anna.board.notes).toHaveCount(2);
    });
  } finally {
    for (const c of clients) c.destroy();
  }
});

async function droppedWrites(serverUrl: string): Promise<number> {
  const text = await (await fetch(`${serverUrl}/metrics`)).text();
  return [...text.matchAll(/^journey_dropped_writes_total\{[^}]*\} (\d+)$/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
}
