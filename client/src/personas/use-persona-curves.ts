import { useMemo } from 'react';
import type { CurvePoint } from '../../../shared/decks/emotion-curve';
import type { CardData } from '../../../shared/doc/schema';
import { comparedCurves, personaCurve } from '../../../shared/personas/persona-curves';
import { useBoard } from '../store/board-store';
import { usePersonaFilter, usePersonas } from './persona-store';

/** Emotion cards only, with their persona, as one key: recomputed when they change, not on every note edit. */
const emotionKey = (cards: Readonly<Record<string, CardData>>) => {
  let key = '';
  for (const id in cards) {
    const c = cards[id];
    if (c.kind === 'emotion' && typeof c.valence === 'number') key += `${c.stage}\u0000${c.valence}\u0000${c.persona ?? ''}\n`;
  }
  return key;
};

export interface PersonaCurveView {
  /** The filtered persona's curve (replaces the board's), or null when the map shows everyone. */
  filtered: { name: string; color: string; points: CurvePoint[] } | null;
  /** With no filter: every persona's curve to overlay, when some emotion card is tagged. */
  overlays: Array<{ id: string; name: string; color: string; points: CurvePoint[] }>;
}

/** What the live curve shows of the personas: the filtered persona's curve, or all of them compared. */
export function usePersonaCurves(): PersonaCurveView {
  const stages = useBoard((s) => s.stages);
  const key = useBoard((s) => emotionKey(s.cards));
  const personas = usePersonas((s) => s.personas);
  const filter = usePersonaFilter();
  return useMemo(() => {
    if (personas.length === 0) return { filtered: null, overlays: [] };
    const cards = key
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [stage, valence, persona] = line.split('\u0000');
        return { kind: 'emotion', stage, valence: Number(valence), ...(persona && { persona }) };
      });
    const chosen = personas.find((p) => p.id === filter);
    if (chosen) return { filtered: { name: chosen.name, color: chosen.color, points: personaCurve(stages, cards, chosen.id, personas) }, overlays: [] };
    return { filtered: null, overlays: comparedCurves(stages, cards, personas).map((c) => ({ id: c.persona.id, name: c.persona.name, color: c.persona.color, points: c.points })) };
  }, [stages, key, personas, filter]);
}
