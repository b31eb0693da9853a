import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ROOT } from '../../shared/doc/schema';
import { rewrittenState } from './compact-board';

describe('rewrittenState (compacting a board)', () => {
  it('keeps the personas map, also when the server has only looked at it and it is empty', () => {
    // The server reads `personas` as a map on every board; an empty one was once copied as a list,
    // and compacting failed with "Type with the name personas has already been defined".
    const empty = new Y.Doc();
    empty.getMap(ROOT.personas);
    empty.getMap(ROOT.cards).set('c1', 'x');
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, rewrittenState(empty));
    expect(fresh.getMap(ROOT.personas).size).toBe(0);

    const one = new Y.Doc();
    one.getMap(ROOT.personas).set('p1', 'Owner');
    const copy = new Y.Doc();
    Y.applyUpdate(copy, rewrittenState(one));
    expect(copy.getMap(ROOT.personas).toJSON()).toEqual({ p1: 'Owner' });
  });
});
