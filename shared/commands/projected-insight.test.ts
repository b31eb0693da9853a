import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readProjectedInsight, setProjectedInsight } from './projected-insight';

describe('projected insight', () => {
  it('is absent by default, set and cleared by id', () => {
    const doc = new Y.Doc();
    expect(readProjectedInsight(doc)).toBeNull();
    setProjectedInsight(doc, 'truth-gap');
    expect(readProjectedInsight(doc)).toBe('truth-gap');
    expect(doc.getMap('facilitation').get('insights')).toBe('truth-gap');
    setProjectedInsight(doc, null);
    expect(readProjectedInsight(doc)).toBeNull();
    expect(doc.getMap('facilitation').has('insights')).toBe(false);
  });
  it('reads anything malformed as absent and refuses to write it', () => {
    const doc = new Y.Doc();
    doc.getMap('facilitation').set('insights', 42);
    expect(readProjectedInsight(doc)).toBeNull();
    doc.getMap('facilitation').set('insights', '<script>');
    expect(readProjectedInsight(doc)).toBeNull();
    expect(() => setProjectedInsight(doc, 'Not An Id')).toThrow();
  });
});
