import type * as Y from 'yjs';
import { LOCAL_ORIGIN } from '../doc/origin';
import { randomId } from '../doc/ids';
import { ROOT, type Locale } from '../doc/schema';
import { startTimer, stopTimer } from './facilitation';

/**
 * The workshop agenda, in the `facilitation` root (so only facilitators write it):
 *   `agenda`      an array of steps; absent means the method's default agenda below
 *   `agendaStep`  the index of the current step; absent before the workshop starts
 * Moving to a step also starts the shared timer with the step's time-box, in the same transaction,
 * so nobody sees the new step with the old step's time.
 */
export interface AgendaStep {
  id: string;
  /** Bilingual for the default steps; a facilitator's own title is one string, shown as written. */
  title: string | Record<Locale, string>;
  /** Time-box in minutes (0: no timer for this step). */
  minutes: number;
  /** Lane the step works on (highlighted on the map). */
  lane?: string;
  /** Deck the step deals from (highlighted in the deck panel). */
  deck?: string;
}

export const MAX_AGENDA_STEPS = 30;
export const MAX_STEP_MINUTES = 240;
export const MAX_STEP_TITLE = 120;

/** The method's typical workshop (docs: "What a workshop looks like"), each step time-boxed. */
export const DEFAULT_AGENDA: readonly AgendaStep[] = [
  { id: 'frame', title: { en: 'Set the frame and the stages', it: 'Cornice e fasi' }, minutes: 10 },
  {
    id: 'activities-goals',
    title: { en: 'Activities and goals, stage by stage', it: 'Attività e obiettivi, fase per fase' },
    minutes: 25,
    lane: 'activities',
    deck: 'activities',
  },
  { id: 'emotions', title: { en: 'Emotions and the curve', it: 'Emozioni e curva' }, minutes: 15, lane: 'emotions', deck: 'emotions' },
  { id: 'moments', title: { en: 'The three key moments', it: 'I tre momenti chiave' }, minutes: 15, deck: 'moments' },
  {
    id: 'ideas',
    title: { en: 'Ideas: small, quick improvements', it: 'Idee: miglioramenti piccoli e rapidi' },
    minutes: 20,
    lane: 'ideas',
    deck: 'truth-exercise',
  },
  { id: 'vote', title: { en: 'Dot voting on the ideas', it: 'Votazione a punti sulle idee' }, minutes: 10, lane: 'ideas' },
];

export interface Agenda {
  steps: AgendaStep[];
  /** Index into `steps`, or null when no step is current. */
  current: number | null;
  /** False while the board uses the default agenda (no `agenda` key). */
  custom: boolean;
}

const str = (v: unknown, max: number) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, max) : null);

/** One step from untrusted data (any program may write the document); null when unusable. */
export function readStep(v: unknown): AgendaStep | null {
  if (!v || typeof v !== 'object') return null;
  const s = v as Record<string, unknown>;
  const id = str(s.id, 64);
  let title: AgendaStep['title'] | null = str(s.title, MAX_STEP_TITLE);
  if (!title && s.title && typeof s.title === 'object') {
    const t = s.title as Record<string, unknown>;
    const en = str(t.en, MAX_STEP_TITLE);
    const it = str(t.it, MAX_STEP_TITLE);
    if (en || it) title = { en: en ?? it!, it: it ?? en! };
  }
  const minutes = typeof s.minutes === 'number' && Number.isFinite(s.minutes) ? Math.max(0, Math.min(MAX_STEP_MINUTES, s.minutes)) : null;
  if (!id || !title || minutes === null) return null;
  const step: AgendaStep = { id, title, minutes };
  const lane = str(s.lane, 64);
  const deck = str(s.deck, 64);
  if (lane) step.lane = lane;
  if (deck) step.deck = deck;
  return step;
}

function fac(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.facilitation);
}

export function readAgenda(doc: Y.Doc): Agenda {
  const raw = fac(doc).get('agenda');
  const custom = Array.isArray(raw);
  const steps = custom ? (raw as unknown[]).slice(0, MAX_AGENDA_STEPS).map(readStep).filter((s): s is AgendaStep => !!s) : DEFAULT_AGENDA.map((s) => ({ ...s }));
  const at = fac(doc).get('agendaStep');
  const current = typeof at === 'number' && Number.isInteger(at) && at >= 0 && at < steps.length ? at : null;
  return { steps, current, custom };
}

/** A step's title in the reader's language. */
export function stepTitle(step: AgendaStep, locale: Locale): string {
  return typeof step.title === 'string' ? step.title : step.title[locale];
}

/** Facilitator: replaces the agenda (invalid steps are left out). The current step keeps its index if it still exists. */
export function setAgenda(doc: Y.Doc, steps: readonly AgendaStep[]): void {
  const clean = steps.slice(0, MAX_AGENDA_STEPS).map(readStep).filter((s): s is AgendaStep => !!s);
  doc.transact(() => {
    fac(doc).set('agenda', clean);
    const at = fac(doc).get('agendaStep');
    if (typeof at === 'number' && at >= clean.length) fac(doc).delete('agendaStep');
  }, LOCAL_ORIGIN);
}

/** Facilitator: back to the method's default agenda. */
export function resetAgenda(doc: Y.Doc): void {
  doc.transact(() => {
    fac(doc).delete('agenda');
    const at = fac(doc).get('agendaStep');
    if (typeof at === 'number' && at >= DEFAULT_AGENDA.length) fac(doc).delete('agendaStep');
  }, LOCAL_ORIGIN);
}

/** A new step for the agenda editor. */
export function newStep(title: string, minutes = 10): AgendaStep {
  return { id: randomId(6), title, minutes };
}

/**
 * Facilitator: makes step `index` the current one and starts the timer with its time-box (a step
 * without one stops the timer). False when there is no such step.
 */
export function goToStep(doc: Y.Doc, index: number, serverNow: number): boolean {
  const { steps } = readAgenda(doc);
  const step = steps[index];
  if (!step) return false;
  doc.transact(() => {
    fac(doc).set('agendaStep', index);
    if (step.minutes > 0) startTimer(doc, Math.round(step.minutes * 60_000), serverNow);
    else stopTimer(doc);
  }, LOCAL_ORIGIN);
  return true;
}

/** Facilitator: no current step (the timer is left as it is). */
export function clearAgendaStep(doc: Y.Doc): void {
  doc.transact(() => fac(doc).delete('agendaStep'), LOCAL_ORIGIN);
}
