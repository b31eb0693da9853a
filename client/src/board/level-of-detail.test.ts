import { describe, expect, it } from 'vitest';
import { CARD_TEXT } from '../../../shared/card-layout/card-metrics';
import { detailAt, FAR_BELOW_PX, FULL_ABOVE_PX } from './level-of-detail';

const zoomFor = (px: number) => px / CARD_TEXT.body.size;

describe('level of detail of the notes', () => {
  it('draws the words while they are at least 5 px tall on screen', () => {
    expect(detailAt(1)).toBe('full');
    expect(detailAt(0.4)).toBe('full'); // 5.6 px: a laptop's fitted journey keeps its words
    expect(detailAt(zoomFor(FAR_BELOW_PX))).toBe('full');
  });

  it('draws bars instead below 5 px', () => {
    expect(detailAt(zoomFor(FAR_BELOW_PX) - 0.001)).toBe('far');
    expect(detailAt(0.3)).toBe('far'); // 4.2 px
    expect(detailAt(0.1)).toBe('far');
  });

  it('in a gesture, brings the words back only above 5.5 px, so a zoom hovering at the threshold does not flicker', () => {
    const between = zoomFor((FAR_BELOW_PX + FULL_ABOVE_PX) / 2);
    expect(detailAt(between, 'far', true)).toBe('far');
    expect(detailAt(between, 'full', true)).toBe('full');
    expect(detailAt(zoomFor(FULL_ABOVE_PX) + 0.001, 'far', true)).toBe('full');
    // Zooming out then in again across the gap: far, far, full.
    let d = detailAt(0.3, 'full', true);
    d = detailAt(between, d, true);
    expect(d).toBe('far');
    expect(detailAt(0.5, d, true)).toBe('full');
  });

  it('at rest, the same zoom always gives the same detail, however it was reached', () => {
    const between = zoomFor((FAR_BELOW_PX + FULL_ABOVE_PX) / 2);
    // A first view fitted at 5.04 px after a narrower one: words, as on a fresh page.
    expect(detailAt(between, 'far')).toBe('full');
    expect(detailAt(between, 'full')).toBe('full');
  });
});
