import { describe, expect, it } from 'vitest';
import { lanesIn, moment, stagesIn } from '../test-support/insight-board';
import { momentsCheck } from './moments-check';

const stages = stagesIn('en');
const lanes = lanesIn('en');
const check = (cards: ReturnType<typeof moment>[], s = stages) => Object.fromEntries(momentsCheck({ stages: s, lanes, cards }).map((m) => [m.moment, m]));

describe('momentsCheck', () => {
  it('worked example: the deck’s places are all in place', () => {
    const r = check([moment('trigger', 'purchase'), moment('truth', 'use'), moment('medal', 'advocacy')]);
    expect(r.trigger).toMatchObject({ status: 'ok', passage: { from: { id: 'consideration' }, to: { id: 'purchase' } } });
    expect(r.truth).toMatchObject({ status: 'ok', passage: { from: { id: 'purchase' }, to: { id: 'use' } } });
    expect(r.medal).toMatchObject({ status: 'ok', passage: { from: { id: 'retention' }, to: { id: 'advocacy' } } });
  });

  it('no moments: all three missing', () => {
    const r = check([]);
    expect([r.trigger.status, r.truth.status, r.medal.status]).toEqual(['missing', 'missing', 'missing']);
    expect(r.truth.places).toEqual([]);
  });

  it('either stage of the passage is in place', () => {
    const r = check([moment('trigger', 'consideration'), moment('truth', 'purchase'), moment('medal', 'retention')]);
    expect([r.trigger.status, r.truth.status, r.medal.status]).toEqual(['ok', 'ok', 'ok']);
  });

  it('a Trigger in Awareness is too early (the first stimulus, not the decision); a Truth in Retention too late', () => {
    const r = check([moment('trigger', 'awareness', 't'), moment('truth', 'retention', 'm')]);
    expect(r.trigger).toMatchObject({ status: 'misplaced', places: [{ cardId: 't', stage: { id: 'awareness' }, placement: 'early' }] });
    expect(r.truth.places[0].placement).toBe('late');
  });

  it('a Medal in Use is early while the board has Retention, in place once Retention is removed', () => {
    expect(check([moment('medal', 'use')]).medal.places[0].placement).toBe('early');
    const noRetention = stages.filter((s) => s.id !== 'retention');
    expect(check([moment('medal', 'use')], noRetention).medal).toMatchObject({ status: 'ok', passage: { from: { id: 'use' }, to: { id: 'advocacy' } } });
  });

  it('two markers of one moment: misplaced if either is out of place', () => {
    const r = check([moment('truth', 'use'), moment('truth', 'awareness')]);
    expect(r.truth.status).toBe('misplaced');
    expect(r.truth.places.map((p) => [p.stage.id, p.placement])).toEqual([
      ['awareness', 'early'],
      ['use', 'ok'],
    ]);
  });

  it('renamed stages keep their roles; an extra stage inside the passage is in place', () => {
    const renamed = [stages[0], stages[1], { id: 'purchase', title: 'Checkout' }, { id: 'x', title: 'Delivery' }, { id: 'use', title: 'Unboxing' }, stages[4], stages[5]];
    const r = check([moment('truth', 'x')], renamed);
    expect(r.truth).toMatchObject({ status: 'ok', passage: { from: { title: 'Checkout' }, to: { title: 'Unboxing' } } });
  });

  it('one stage, or stages the method does not know: unknown, never a false alarm', () => {
    const r = check([moment('truth', 'only')], [{ id: 'only', title: 'Everything' }]);
    expect(r.truth).toMatchObject({ status: 'unknown', passage: null, places: [{ placement: 'unknown' }] });
    expect(r.trigger.status).toBe('missing');
  });

  it('a marker off the map (its lane removed) is missing', () => {
    const m = { ...moment('truth', 'use'), lane: 'gone' };
    expect(check([m]).truth.status).toBe('missing');
  });
});
