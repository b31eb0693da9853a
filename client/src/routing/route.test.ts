import { describe, expect, it } from 'vitest';
import { boardPath, boardUrl, parseRoute } from './route';

describe('parseRoute', () => {
  it('reads home, boards with their token, and the projector', () => {
    expect(parseRoute('/', '')).toEqual({ kind: 'home' });
    expect(parseRoute('/b/abc_D-1', '#token=t0k')).toEqual({ kind: 'board', id: 'abc_D-1', token: 't0k', projector: false });
    expect(parseRoute('/b/abc/projector', '#token=x')).toEqual({ kind: 'board', id: 'abc', token: 'x', projector: true });
    expect(parseRoute('/b/abc', '')).toEqual({ kind: 'board', id: 'abc', token: null, projector: false });
  });
  it('refuses other paths', () => {
    expect(parseRoute('/b/', '')).toEqual({ kind: 'not-found' });
    expect(parseRoute('/b/a/b/c', '')).toEqual({ kind: 'not-found' });
    expect(parseRoute('/admin', '')).toEqual({ kind: 'not-found' });
  });
  it('round-trips links', () => {
    const url = boardUrl('https://x.test', 'id1', 'a+b/c');
    const u = new URL(url);
    expect(parseRoute(u.pathname, u.hash)).toEqual({ kind: 'board', id: 'id1', token: 'a+b/c', projector: false });
    expect(boardPath('id1')).toBe('/b/id1');
  });
});
