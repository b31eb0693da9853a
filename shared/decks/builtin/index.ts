import type { Deck } from '../deck-schema';
import { activitiesDeck } from './activities';
import { blankDeck } from './blank';
import { channelsDeck } from './channels';
import { emotionsDeck } from './emotions';
import { goalsDeck } from './goals';
import { momentsDeck } from './moments';
import { lifecycleQuestionsDeck, pricingDeck, truthExerciseDeck } from './questions';

export {
  activitiesDeck,
  blankDeck,
  channelsDeck,
  emotionsDeck,
  goalsDeck,
  lifecycleQuestionsDeck,
  momentsDeck,
  pricingDeck,
  truthExerciseDeck,
};

/** The built-in decks in workshop order: skeleton, the lanes stage by stage, the exercises, a blank note. */
export const BUILTIN_DECKS: Deck[] = [
  momentsDeck,
  activitiesDeck,
  goalsDeck,
  emotionsDeck,
  channelsDeck,
  truthExerciseDeck,
  lifecycleQuestionsDeck,
  pricingDeck,
  blankDeck,
];
