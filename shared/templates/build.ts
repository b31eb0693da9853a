/**
 * Turns a readable board description (a template or the worked example, written once with both
 * languages side by side) into a backup file's object (docs/backup-format.md), one per language.
 *
 * Why a description rather than hand-written JSON: the Italian and the English board must have the
 * same cards in the same cells with the same valences, votes and effects; only the words differ, and
 * each language's words are written in their own right next to each other. The board is built with the
 * app's own command functions and read back with `boardToBackup`, so the files are exactly what the app
 * would export. `npm run templates` writes them to shared/templates/files/; a test fails when a file
 * and its description disagree.
 */
import * as Y from 'yjs';
import { boardToBackup } from '../backup/to-backup';
import type { Backup } from '../backup/backup-schema';
import { addCard } from '../commands/cards';
import { setClvInputs, setIdeaEffect } from '../commands/clv';
import { setCardPersona } from '../commands/personas';
import { personaSchema, type PersonaData } from '../personas/persona-schema';
import { VOTES_ROOT, voteKey } from '../commands/votes';
import { BUILTIN_DECKS } from '../decks/builtin';
import { deckCardToAddInput } from '../decks/deck-to-card';
import { KIND_STYLE } from '../decks/kind-style';
import { initBoardDoc, roots } from '../doc/board-doc';
import { ROOT, type Locale } from '../doc/schema';
import type { ClvStored } from '../insights/clv-schema';
import { SUBTITLE_SEPARATOR } from './subtitle';

export type Words = Record<Locale, string>;

/** When every template and the example were "exported": fixed, so the files do not change on each run. */
export const TEMPLATE_TIME = Date.UTC(2026, 11, 1, 9, 0, 0);

export interface CardSpec {
  /** Stable id, the same in both languages (votes refer to it). */
  id: string;
  stage: string;
  lane: string;
  /** A built-in deck card, `deckId/cardId`, dealt in the board's language. */
  deck?: string;
  /** Our own words: a note, or a question when `kind` is `question`. */
  text?: Words;
  kind?: 'note' | 'question';
  /** A question card's answer (a deck question or our own). */
  answer?: Words;
  /** An idea's expected effect on its stage's CLV lever, in percent. */
  effect?: number;
  color?: string;
  author?: string;
  /** Id of the persona (BoardSpec.personas) the card is about. */
  persona?: string;
}

/** A customer type, in both languages (docs/document-format.md, root `personas`). */
export interface PersonaSpec {
  id: string;
  color: PersonaData['color'];
  name: Words;
  segment: Words;
  description: Words;
  /** One per line. */
  goals: Words;
  frustrations: Words;
  quote: Words;
}

export interface BoardSpec {
  title: Words;
  /** A few words under a stage's name, written into its title ("Purchase — cart and checkout"). */
  subtitles?: Partial<Record<string, Words>>;
  personas?: PersonaSpec[];
  cards: CardSpec[];
  clv?: ClvStored;
  /** A revealed dot vote on the ideas: each ballot is one person's cards, one dot each. */
  vote?: { id: string; dots: number; ballots: Array<{ person: string; cards: string[] }> };
}

export const IDEA_COLOR = '#c9f2d0';

function deckCard(ref: string) {
  const [deckId, cardId] = ref.split('/');
  const deck = BUILTIN_DECKS.find((d) => d.id === deckId);
  const card = deck?.cards.find((c) => c.id === cardId);
  if (!deck || !card) throw new Error(`no built-in deck card ${ref}`);
  return { deck, card };
}

/** The board described by `spec`, in `locale`, as a backup object. Throws on a description error. */
export function buildBoard(spec: BoardSpec, locale: Locale): Backup {
  const doc = new Y.Doc();
  initBoardDoc(doc, { title: spec.title[locale], locale, createdAt: TEMPLATE_TIME });
  const r = roots(doc);
  r.stages.forEach((stage) => {
    const sub = spec.subtitles?.[stage.get('id') as string];
    if (sub) stage.set('title', `${stage.get('title') as string}${SUBTITLE_SEPARATOR}${sub[locale]}`);
  });
  (spec.personas ?? []).forEach((p, i) => {
    const persona: PersonaData = {
      id: p.id,
      name: p.name[locale],
      segment: p.segment[locale],
      description: p.description[locale],
      goals: p.goals[locale],
      frustrations: p.frustrations[locale],
      quote: p.quote[locale],
      color: p.color,
      createdAt: TEMPLATE_TIME + i,
    };
    if (!personaSchema.safeParse(persona).success) throw new Error(`persona ${p.id} does not fit the schema`);
    doc.getMap<unknown>(ROOT.personas).set(p.id, persona);
  });
  const personaIds = new Set((spec.personas ?? []).map((p) => p.id));
  const stageIds = new Set(r.stages.toArray().map((s) => s.get('id')));
  const laneIds = new Set(r.lanes.toArray().map((l) => l.get('id')));
  spec.cards.forEach((c, i) => {
    if (!stageIds.has(c.stage) || !laneIds.has(c.lane)) throw new Error(`card ${c.id}: no cell ${c.stage}/${c.lane}`);
    if (r.cards.has(c.id)) throw new Error(`card ${c.id} twice`);
    const author = c.author ?? 'Journey Studio';
    const now = TEMPLATE_TIME + i * 1000;
    if (c.deck) {
      const { deck, card } = deckCard(c.deck);
      const input = deckCardToAddInput(deck, card, locale, { stage: c.stage, lane: c.lane }, author);
      const extra = c.answer ? { ...input.extra, answer: c.answer[locale] } : input.extra;
      addCard(doc, { ...input, extra, id: c.id, now });
    } else {
      if (!c.text) throw new Error(`card ${c.id}: neither a deck card nor text`);
      const kind = c.kind ?? 'note';
      const color = c.color ?? (kind === 'question' ? KIND_STYLE.question.color : c.lane === 'ideas' ? IDEA_COLOR : KIND_STYLE.note.color);
      const extra = kind === 'question' ? { answer: c.answer?.[locale] ?? '' } : undefined;
      addCard(doc, { stage: c.stage, lane: c.lane, kind, text: c.text[locale], color, author, extra, id: c.id, now });
    }
    if (c.persona !== undefined) {
      if (!personaIds.has(c.persona)) throw new Error(`card ${c.id}: no persona ${c.persona}`);
      setCardPersona(doc, c.id, c.persona);
    }
    if (c.effect !== undefined && !setIdeaEffect(doc, c.id, c.effect)) throw new Error(`card ${c.id}: effect refused`);
  });
  if (spec.clv && !setClvInputs(doc, spec.clv)) throw new Error('CLV inputs refused');
  if (spec.vote) {
    const { id, dots, ballots } = spec.vote;
    doc.transact(() => {
      doc.getMap<unknown>(ROOT.facilitation).set('vote', { id, dots, lane: 'ideas', open: false, revealed: true });
      for (const b of ballots) {
        if (b.cards.length > dots) throw new Error(`${b.person} has more than ${dots} dots`);
        for (const cardId of b.cards) {
          if (!r.cards.has(cardId)) throw new Error(`vote for a missing card ${cardId}`);
          const key = voteKey(id, b.person, cardId);
          doc.getMap<number>(VOTES_ROOT).set(key, (doc.getMap<number>(VOTES_ROOT).get(key) ?? 0) + 1);
        }
      }
    });
  }
  const backup = boardToBackup(doc, TEMPLATE_TIME);
  doc.destroy();
  return backup;
}
