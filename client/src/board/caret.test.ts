import { describe, expect, it } from 'vitest';
import { transformCaret } from './caret';

describe('transformCaret', () => {
  it('stays put for changes after the caret', () => {
    expect(transformCaret('hello world', 'hello brave world', 3)).toBe(3);
  });
  it('shifts with text inserted or deleted before the caret', () => {
    expect(transformCaret('world', 'hello world', 5)).toBe(11);
    expect(transformCaret('hello world', 'world', 11)).toBe(5);
  });
  it('lands after a replacement that covered it', () => {
    expect(transformCaret('abcdef', 'abXYef', 3)).toBe(4);
  });
});
