import { useMemo } from 'react';
import { emotionCurve, type CurvePoint } from '../../../shared/decks/emotion-curve';
import type { CardData } from '../../../shared/doc/schema';
import { useBoard } from '../store/board-store';

/** Emotion cards only, as one string key: the curve recomputes when they change, not on every note edit. */
const emotionKey = (cards: Readonly<Record<string, CardData>>) => {
  let key = '';
  for (const id in cards) {
    const c = cards[id];
    if (c.kind === 'emotion' && typeof c.valence === 'number') key += `${c.stage}\u0000${c.valence}\n`;
  }
  return key;
};

/**
 * The live emotion curve of the open board, from the shared `emotionCurve`. Whoever adds, moves or
 * removes an emotion card, the projection updates the store and every open map redraws.
 */
export function useEmotionCurve(): CurvePoint[] {
  const stages = useBoard((s) => s.stages);
  const key = useBoard((s) => emotionKey(s.cards));
  return useMemo(() => {
    const cards = key
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [stage, valence] = line.split('\u0000');
        return { kind: 'emotion', stage, valence: Number(valence) };
      });
    return emotionCurve(stages, cards);
  }, [stages, key]);
}
