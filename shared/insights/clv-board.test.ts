import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addCard } from '../commands/cards';
import { clearClvInputs, readClvRaw, setClvInputs, setIdeaEffect } from '../commands/clv';
import { addAxisItem, renameAxisItem } from '../commands/skeleton';
import { changeDot, revealVote, startVote, tallies, readVote } from '../commands/votes';
import { initBoardDoc, roots } from '../doc/board-doc';
import { readAxis, readCards } from '../doc/read';
import { clvForBoard } from './clv-board';
import { CLV_EXAMPLE } from '../test-support/clv-example';

const round2 = (n: number) => Math.round(n * 100) / 100;

function board() {
  const doc = new Y.Doc();
  initBoardDoc(doc, { title: 'Panificio', locale: 'it', createdAt: 1 });
  return doc;
}
function view(doc: Y.Doc) {
  return clvForBoard({ stages: readAxis(roots(doc).stages), lanes: readAxis(roots(doc).lanes), cards: readCards(doc), clv: readClvRaw(doc), vote: readVote(doc), tallies: tallies(doc) });
}
function ready(doc: Y.Doc) {
  const v = view(doc);
  if (v.state !== 'ready') throw new Error(`not ready: ${v.state}`);
  return v;
}

describe('CLV on a board', () => {
  it('is unset on a new board, and a board from before reads unchanged', () => {
    const doc = board();
    expect(view(doc)).toEqual({ state: 'unset' });
    expect(readCards(doc)).toEqual([]);
  });

  it('computes the worked example from the document, levers largest first with their stages', () => {
    const doc = board();
    expect(setClvInputs(doc, CLV_EXAMPLE)).toBe(true);
    const v = ready(doc);
    expect(round2(v.today.total)).toBe(531.43);
    expect(v.levers.map((l) => l.lever)).toEqual(['retention', 'orderValue', 'firstYearRetention', 'referrals', 'acquisitionCost']);
    expect(v.levers.find((l) => l.lever === 'acquisitionCost')!.stages.map((s) => s.id)).toEqual(['awareness', 'consideration']);
    expect(round2(v.withIdeas.total)).toBe(531.43);
    clearClvInputs(doc);
    expect(view(doc).state).toBe('unset');
  });

  it('refuses to store invalid inputs; invalid inputs written by another program read as problems', () => {
    const doc = board();
    expect(setClvInputs(doc, { ...CLV_EXAMPLE, retentionPct: 100, discountRatePct: 0 })).toBe(false);
    expect(readClvRaw(doc)).toBeUndefined();
    doc.getMap('facilitation').set('clv', { ...CLV_EXAMPLE, retentionPct: 100, discountRatePct: 0 });
    const v = view(doc);
    expect(v.state).toBe('invalid');
    expect(v.state === 'invalid' && v.problems[0].code).toBe('retention_bound');
  });

  it('keeps a renamed stage’s lever; an added stage has none; a removed stage takes its lever away', () => {
    const doc = board();
    setClvInputs(doc, CLV_EXAMPLE);
    renameAxisItem(doc, 'stages', 'use', 'Primo utilizzo');
    addAxisItem(doc, 'stages', 'Riacquisto');
    const v = ready(doc);
    const use = v.levers.find((l) => l.lever === 'firstYearRetention')!;
    expect(use.stages.map((s) => s.title)).toEqual(['Primo utilizzo']);
    expect(v.levers.flatMap((l) => l.stages).map((s) => s.title)).not.toContain('Riacquisto');
    // One stage only: one lever.
    const one = clvForBoard({ stages: [{ id: 'purchase', title: 'Acquisto' }], lanes: [], cards: [], clv: CLV_EXAMPLE, vote: null, tallies: [] });
    expect(one.state === 'ready' && one.levers.map((l) => l.lever)).toEqual(['orderValue']);
  });

  it('counts every idea with an effect before a vote, only the ones with dots after the reveal', () => {
    const doc = board();
    setClvInputs(doc, CLV_EXAMPLE);
    const onboarding = addCard(doc, { stage: 'use', lane: 'ideas', text: 'Onboarding call' });
    const bundle = addCard(doc, { stage: 'purchase', lane: 'ideas', text: 'Bundle' });
    const added = addAxisItem(doc, 'stages', 'Riacquisto');
    const elsewhere = addCard(doc, { stage: added, lane: 'ideas', text: 'No lever here' });
    const notIdea = addCard(doc, { stage: 'use', lane: 'activities', text: 'Not an idea' });
    expect(setIdeaEffect(doc, onboarding, 10)).toBe(true);
    setIdeaEffect(doc, bundle, 5);
    setIdeaEffect(doc, elsewhere, 50);
    setIdeaEffect(doc, notIdea, 50);
    // A question card of the exercise in the Ideas lane is not an idea (ideas.ts).
    setIdeaEffect(doc, addCard(doc, { stage: 'use', lane: 'ideas', kind: 'question', text: 'Five small improvements?' }), 50);
    let v = ready(doc);
    expect(v.basis).toBe('all');
    expect(v.ideas.map((i) => i.card.text).sort()).toEqual(['Bundle', 'Onboarding call']);
    // r1 60 % → 66 %, A 80 → 84.
    const expected = (() => {
      const m = 84 * 4 * 0.5;
      const V = m * (1 + 0.66 / 0.35);
      return V - 120 + 0.5 * V;
    })();
    expect(v.withIdeas.total).toBeCloseTo(expected, 9);

    startVote(doc, 3, 'ideas');
    changeDot(doc, 'p1', onboarding, 1);
    v = ready(doc);
    expect(v.basis).toBe('all'); // not revealed yet
    revealVote(doc);
    v = ready(doc);
    expect(v.basis).toBe('voted');
    expect(v.ideas.map((i) => i.card.text)).toEqual(['Onboarding call']);
    expect(v.withIdeas.total).toBeGreaterThan(v.today.total);

    // Removing the effect brings "with ideas" back to today.
    setIdeaEffect(doc, onboarding, null);
    v = ready(doc);
    expect(v.ideas).toEqual([]);
    expect(v.withIdeas).toEqual(v.today);
  });

  it('keeps effects within bounds and ignores out-of-range ones written by other programs', () => {
    const doc = board();
    const id = addCard(doc, { stage: 'use', lane: 'ideas', text: 'x' });
    setIdeaEffect(doc, id, 5000);
    expect(readCards(doc)[0].effect).toBe(1000);
    setIdeaEffect(doc, id, 2.345);
    expect(readCards(doc)[0].effect).toBe(2.3);
    expect(setIdeaEffect(doc, id, Number.NaN)).toBe(false);
    roots(doc).cards.get(id)!.set('effect', -500);
    expect(readCards(doc)[0].effect).toBeUndefined();
    expect(setIdeaEffect(doc, 'missing', 5)).toBe(false);
  });
});
