import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../doc/schema';
import { clearAgendaStep, DEFAULT_AGENDA, goToStep, newStep, readAgenda, readStep, resetAgenda, setAgenda, stepTitle } from './agenda';
import { readTimer, timerRemaining } from './facilitation';

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
}

describe('workshop agenda', () => {
  it('reads the method’s default steps, bilingual, with no current step', () => {
    const doc = new Y.Doc();
    const agenda = readAgenda(doc);
    expect(agenda.custom).toBe(false);
    expect(agenda.current).toBeNull();
    expect(agenda.steps.map((s) => s.id)).toEqual(['frame', 'activities-goals', 'emotions', 'moments', 'ideas', 'vote']);
    expect(agenda.steps.every((s) => s.minutes > 0)).toBe(true);
    expect(stepTitle(agenda.steps[2], 'en')).toBe('Emotions and the curve');
    expect(stepTitle(agenda.steps[2], 'it')).toBe('Emozioni e curva');
    expect(agenda.steps.find((s) => s.id === 'ideas')).toMatchObject({ lane: 'ideas' });
    expect(agenda.steps.find((s) => s.id === 'emotions')).toMatchObject({ lane: 'emotions', deck: 'emotions' });
  });

  it('moves to a step and starts the timer with its time-box, in one transaction', () => {
    const doc = new Y.Doc();
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    expect(goToStep(doc, 2, 1_000)).toBe(true);
    expect(transactions).toBe(1);
    expect(readAgenda(doc).current).toBe(2);
    const timer = readTimer(doc)!;
    expect(timer).toEqual({ status: 'running', endsAt: 1_000 + 15 * 60_000, durationMs: 15 * 60_000 });
    expect(timerRemaining(timer, 61_000)).toBe(14 * 60_000);
    expect(goToStep(doc, 99, 2_000)).toBe(false);
    expect(readAgenda(doc).current).toBe(2);
  });

  it('a step without a time-box stops the timer', () => {
    const doc = new Y.Doc();
    goToStep(doc, 0, 0);
    setAgenda(doc, [newStep('Coffee break', 0), ...DEFAULT_AGENDA]);
    goToStep(doc, 0, 5_000);
    expect(readTimer(doc)).toBeNull();
  });

  it('a facilitator edits the agenda; everyone reads the same steps', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const steps = readAgenda(a).steps;
    setAgenda(a, [{ ...steps[0], title: 'Our frame', minutes: 5 }, ...steps.slice(1, 3)]);
    goToStep(a, 1, 0);
    sync(a, b);
    const seen = readAgenda(b);
    expect(seen.custom).toBe(true);
    expect(seen.current).toBe(1);
    expect(seen.steps).toHaveLength(3);
    expect(stepTitle(seen.steps[0], 'it')).toBe('Our frame');
    expect(seen.steps[0].minutes).toBe(5);
  });

  it('keeps the current step only while it exists; back to the defaults', () => {
    const doc = new Y.Doc();
    goToStep(doc, 4, 0);
    setAgenda(doc, DEFAULT_AGENDA.slice(0, 2));
    expect(readAgenda(doc).current).toBeNull();
    goToStep(doc, 1, 0);
    resetAgenda(doc);
    expect(readAgenda(doc)).toMatchObject({ custom: false, current: 1 });
    clearAgendaStep(doc);
    expect(readAgenda(doc).current).toBeNull();
  });

  it('ignores malformed steps and values written by other programs', () => {
    const doc = new Y.Doc();
    const fac = doc.getMap<unknown>(ROOT.facilitation);
    fac.set('agenda', [
      { id: 'ok', title: 'Fine', minutes: 3 },
      { id: 'no-title', minutes: 3 },
      { id: 'half', title: { en: 'Only English' }, minutes: 999, lane: 7 },
      'not a step',
      null,
    ]);
    fac.set('agendaStep', 5);
    const agenda = readAgenda(doc);
    expect(agenda.steps).toEqual([
      { id: 'ok', title: 'Fine', minutes: 3 },
      { id: 'half', title: { en: 'Only English', it: 'Only English' }, minutes: 240 },
    ]);
    expect(agenda.current).toBeNull();
    expect(readStep({ id: 'x', title: '  ', minutes: 1 })).toBeNull();
    fac.set('agenda', 'not an array');
    expect(readAgenda(doc).custom).toBe(false);
  });
});
