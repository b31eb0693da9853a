import { describe, expect, it } from 'vitest';
import { parseSavedBoards, upsertSavedBoard, type SavedBoard } from './saved-boards';

const base: SavedBoard = { id: 'b1', title: 'Shop', role: 'facilitator', token: 'F', links: { participant: 'P' }, lastOpened: 10 };

describe('saved boards', () => {
  it('parses only well-formed entries', () => {
    const json = JSON.stringify([base, { id: 'x' }, null, { ...base, id: 'b2', role: 'admin' }, { ...base, id: 'b3', links: { viewer: 'V', bad: 1 } }]);
    const list = parseSavedBoards(json);
    expect(list.map((b) => b.id)).toEqual(['b1', 'b3']);
    expect(list[1].links).toEqual({ viewer: 'V' });
    expect(parseSavedBoards('not json')).toEqual([]);
  });

  it('keeps the strongest token but refreshes time, title and links', () => {
    const list = upsertSavedBoard([base], { id: 'b1', title: 'Shop 2', role: 'participant', token: 'P', links: { viewer: 'V' }, lastOpened: 20 });
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ role: 'facilitator', token: 'F', title: 'Shop 2', lastOpened: 20, links: { participant: 'P', viewer: 'V' } });
  });

  it('sorts by last opened, newest first', () => {
    let list = upsertSavedBoard([], base);
    list = upsertSavedBoard(list, { ...base, id: 'b2', lastOpened: 30 });
    list = upsertSavedBoard(list, { ...base, id: 'b1', lastOpened: 40 });
    expect(list.map((b) => b.id)).toEqual(['b1', 'b2']);
  });
});
