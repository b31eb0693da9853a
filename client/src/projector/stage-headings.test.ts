import { describe, expect, it } from 'vitest';
import { textWidth } from '../../../shared/text/measure';
import { LABEL_PAD, MIN_STAGE_FONT, linesFor, planStageHeadings, type StageSlot } from './stage-headings';

const IT = ['Consapevolezza', 'Considerazione', 'Acquisto', 'Utilizzo', 'Fidelizzazione', 'Passaparola'];
const EN = ['Awareness', 'Consideration', 'Purchase', 'Use', 'Retention', 'Advocacy'];

/** Six equal columns starting `offset` px into the ribbon. */
const columns = (titles: string[], width: number, offset = 0): StageSlot[] => titles.map((title, i) => ({ title, left: offset + i * width, width }));

/** Every shown name lies inside the ribbon, and no two names on the same line (or in a row) touch. */
function expectNoOverlap(plan: ReturnType<typeof planStageHeadings>, ribbonW: number) {
  const shown = plan.labels.filter((l) => l.shown);
  for (const l of shown) {
    expect(l.left).toBeGreaterThanOrEqual(0);
    expect(l.left + l.width).toBeLessThanOrEqual(ribbonW + 0.5);
  }
  for (let i = 0; i < shown.length; i++)
    for (let j = i + 1; j < shown.length; j++) {
      const [a, b] = [shown[i], shown[j]];
      const sameLine = a.line === 'both' || b.line === 'both' || a.line === b.line;
      if (sameLine) expect(a.left + a.width <= b.left + 0.5 || b.left + b.width <= a.left + 0.5).toBe(true);
    }
}

/** The name's own one-line width at `font` (bold, as the plan measures it): proof a staggered label holds it whole. */
const oneLine = (title: string, font: number) => textWidth(title, { size: font, weight: 700, lineHeight: 1.2 }) + LABEL_PAD * 2;

describe('planStageHeadings', () => {
  it('wide columns: one row, every name in its column at the ribbon size', () => {
    const plan = planStageHeadings(columns(EN, 300), 1800, 36);
    expect(plan).toMatchObject({ font: 36, mode: 'row' });
    expect(plan.labels.every((l) => l.shown && l.line === 'both')).toBe(true);
  });

  it('shrinks every name together (one common size) rather than break a word', () => {
    // 230-px columns: "Consapevolezza" fits whole at 24 px but not at 30; all six take its size.
    const plan = planStageHeadings(columns(IT, 230), 1380, 30);
    expect(plan.mode).toBe('row');
    expect(plan.font).toBeLessThan(30);
    expect(plan.font).toBeGreaterThanOrEqual(MIN_STAGE_FONT);
    for (const t of IT) expect(linesFor(t, plan.font, 230 - LABEL_PAD * 2)).toBe(1);
    // One size bigger and some word would not fit.
    expect(IT.some((t) => linesFor(t, plan.font + 1, 230 - LABEL_PAD * 2) === Infinity)).toBe(true);
  });

  it('breaks a name of several words only between words, two lines at most', () => {
    const plan = planStageHeadings([{ title: 'Momento della verità', left: 0, width: 200 }], 200, 30);
    expect(plan.mode).toBe('row');
    expect(linesFor('Momento della verità', plan.font, 200 - LABEL_PAD * 2)).toBe(2);
    expect(linesFor('Momento della verità', 24, 40)).toBe(Infinity);
  });

  // A 1280×720 projector: ~160-px columns with a realistic workshop, ~130 px beside the vote results.
  for (const [lang, titles] of [['it', IT], ['en', EN]] as const)
    for (const width of [188, 160, 130]) {
      it(`six ${lang} stages in ${width}-px columns at 1280×720: whole, one size, never below 24 px, no overlap`, () => {
        const ribbonW = 1280 - 147 - (width === 130 ? 255 : 0);
        const offset = Math.max(0, (ribbonW - width * 6) / 2);
        const plan = planStageHeadings(columns(titles, width, offset), ribbonW, 24);
        expect(plan.font).toBe(24);
        expectNoOverlap(plan, ribbonW);
        plan.labels.forEach((l, i) => {
          expect(l.shown).toBe(true);
          if (l.line === 'both') expect(linesFor(titles[i], plan.font, l.width - LABEL_PAD * 2)).toBeLessThanOrEqual(2);
          else expect(l.width).toBeGreaterThanOrEqual(oneLine(titles[i], plan.font));
        });
      });
    }

  it('Italian names in 160-px columns take turns on two lines, each over its own column', () => {
    const slots = columns(IT, 160, 88);
    const plan = planStageHeadings(slots, 1133, 24);
    expect(plan.mode).toBe('staggered');
    expect(plan.labels.map((l) => l.line)).toEqual([0, 1, 0, 1, 0, 1]);
    plan.labels.forEach((l, i) => {
      const centre = slots[i].left + slots[i].width / 2;
      expect(l.left).toBeLessThanOrEqual(centre);
      expect(l.left + l.width).toBeGreaterThanOrEqual(centre);
    });
  });

  it('a partly visible column shows its name only if it fits there, and does not shrink the others', () => {
    const plan = planStageHeadings(
      [
        { title: 'Consideration', left: 0, width: 60, partial: true },
        { title: 'Purchase', left: 60, width: 900 },
        { title: 'Use', left: 960, width: 80, partial: true },
      ],
      1040,
      30,
    );
    expect(plan).toMatchObject({ font: 30, mode: 'row' });
    expect(plan.labels.map((l) => l.shown)).toEqual([false, true, true]);
  });

  it('columns too narrow even when staggered: the size goes below 24 px, the words stay whole', () => {
    const plan = planStageHeadings(columns(IT, 70), 420, 24);
    expect(plan.font).toBeLessThan(24);
    expect(plan.font).toBeGreaterThanOrEqual(12);
    expectNoOverlap(plan, 420);
  });
});
