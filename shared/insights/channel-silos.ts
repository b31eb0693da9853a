/**
 * Channel silos: which channels the customer meets in each stage, and where they must switch. The
 * lifecycle article warns about the customer who moves from one channel to another and is not
 * recognised there; a **break** is two consecutive stages that share no channel.
 *
 * A channel is a channel card (kind `channel`, anywhere on the map) or a note in the Channels lane.
 * Cards dealt from a deck are one channel per deck card (`deckCardId`), whatever language they were
 * dealt in; a note is one channel per normalised first line, and a note whose first line is a deck
 * channel's title in either language ("Sito web", "Website") is that deck channel.
 */
import type { Deck } from '../decks/deck-schema';
import { deckCardId } from '../decks/deck-to-card';
import type { AxisItem, CardData, Locale } from '../doc/schema';
import { firstLine, normaliseText, placedCards, type InsightBoard } from './board';
import { laneOf } from './method-roles';

export interface Channel {
  /** `deck:<deckId>/<cardId>` or `text:<normalised name>`. */
  key: string;
  /** In the board's language: the deck card's title, or the first note's first line as typed. */
  name: string;
  /** Its cards by stage id, in map order. */
  byStage: Record<string, string[]>;
  /** Stage ids where it is present, in stage order. */
  stageIds: string[];
}

export interface ChannelBreak {
  from: AxisItem;
  to: AxisItem;
  /** Channels of the stage before and of the stage after: no channel is in both. */
  leaving: Channel[];
  arriving: Channel[];
}

export interface ChannelSilos {
  stages: AxisItem[];
  /** By the first stage they appear in, then by name. */
  channels: Channel[];
  breaks: ChannelBreak[];
  /** Channels present in one stage only (listed once at least two stages have channels). */
  single: Channel[];
  /** Stages with no channel card: no break is claimed across them. */
  withoutChannels: AxisItem[];
}

const order = (a: CardData, b: CardData) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Deck channel cards by id, and by their titles in every language (normalised). */
function deckChannels(decks: readonly Deck[], locale: Locale) {
  const names = new Map<string, string>();
  const byTitle = new Map<string, string>();
  for (const deck of decks) {
    for (const card of deck.cards) {
      if (card.kind !== 'channel') continue;
      const id = deckCardId(deck, card);
      if (names.has(id)) continue;
      names.set(id, card.title[locale]);
      for (const t of Object.values(card.title)) if (!byTitle.has(normaliseText(t))) byTitle.set(normaliseText(t), id);
    }
  }
  return { names, byTitle };
}

export function channelSilos(board: InsightBoard, decks: readonly Deck[], locale: Locale): ChannelSilos {
  const stages = [...board.stages];
  const stageAt = new Map(stages.map((s, i) => [s.id, i]));
  const channelsLane = laneOf(board.lanes, 'channels');
  const known = deckChannels(decks, locale);
  const cards = placedCards(board)
    .filter((c) => c.kind === 'channel' || (c.kind === 'note' && channelsLane !== null && c.lane === channelsLane.id && c.text.trim() !== ''))
    .sort((a, b) => stageAt.get(a.stage)! - stageAt.get(b.stage)! || order(a, b));

  const byKey = new Map<string, Channel>();
  for (const card of cards) {
    const typed = firstLine(card.text);
    let key: string;
    let name: string;
    const fromDeck = card.kind === 'channel' && card.deckCardId ? card.deckCardId : known.byTitle.get(normaliseText(typed));
    if (fromDeck) {
      key = `deck:${fromDeck}`;
      name = known.names.get(fromDeck) ?? typed;
    } else {
      const norm = normaliseText(typed);
      if (!norm) continue;
      key = `text:${norm}`;
      name = typed;
    }
    let ch = byKey.get(key);
    if (!ch) byKey.set(key, (ch = { key, name: name || typed, byStage: {}, stageIds: [] }));
    (ch.byStage[card.stage] ??= []).push(card.id);
  }
  const channels = [...byKey.values()];
  for (const ch of channels) ch.stageIds = stages.filter((s) => ch.byStage[s.id]).map((s) => s.id);
  channels.sort((a, b) => stageAt.get(a.stageIds[0])! - stageAt.get(b.stageIds[0])! || a.name.localeCompare(b.name, locale));

  const inStage = (s: AxisItem) => channels.filter((ch) => ch.byStage[s.id]);
  const breaks: ChannelBreak[] = [];
  for (let i = 0; i + 1 < stages.length; i++) {
    const leaving = inStage(stages[i]);
    const arriving = inStage(stages[i + 1]);
    if (leaving.length && arriving.length && !leaving.some((ch) => arriving.includes(ch))) breaks.push({ from: stages[i], to: stages[i + 1], leaving, arriving });
  }
  const withoutChannels = stages.filter((s) => inStage(s).length === 0);
  const stagesWithChannels = stages.length - withoutChannels.length;
  return {
    stages,
    channels,
    breaks,
    single: stagesWithChannels >= 2 ? channels.filter((ch) => ch.stageIds.length === 1) : [],
    withoutChannels,
  };
}

/** Every card id of some channels (for "show on the map"). */
export function channelCardIds(channels: readonly Channel[], stageIds?: readonly string[]): string[] {
  return channels.flatMap((ch) => (stageIds ?? ch.stageIds).flatMap((s) => ch.byStage[s] ?? []));
}
