/**
 * The words a card shows besides its own text, in both languages: kind labels, the key moments' names,
 * the "Key moment" kicker, the empty-answer line. The interface's i18n files take them from here, and the
 * card layout sizes every card for the longer of the two languages, so a card is never too small for its
 * label whichever language the reader picked.
 */
import type { MomentId } from '../decks/deck-schema';

export type LabelLocale = 'it' | 'en';

export interface CardLabels {
  kinds: Record<'moment' | 'emotion' | 'activity' | 'goal' | 'channel' | 'question' | 'note' | 'stage', string>;
  moments: Record<MomentId, string>;
  kicker: string;
  noAnswer: string;
}

export const CARD_LABELS: Record<LabelLocale, CardLabels> = {
  en: {
    kinds: {
      moment: 'Moment',
      emotion: 'Emotion',
      activity: 'Activity',
      goal: 'Goal',
      channel: 'Channel',
      question: 'Question',
      note: 'Note',
      stage: 'Stage',
    },
    moments: { trigger: 'Trigger moment', truth: 'Moment of Truth', medal: 'Medal moment' },
    kicker: 'Key moment',
    noAnswer: 'No answer yet',
  },
  it: {
    kinds: {
      moment: 'Momento',
      emotion: 'Emozione',
      activity: 'Attività',
      goal: 'Obiettivo',
      channel: 'Canale',
      question: 'Domanda',
      note: 'Nota',
      stage: 'Fase',
    },
    moments: { trigger: 'Momento Grilletto', truth: 'Momento della Verità', medal: 'Momento Medaglia' },
    kicker: 'Momento chiave',
    noAnswer: 'Ancora nessuna risposta',
  },
};

export const LABEL_LOCALES = Object.keys(CARD_LABELS) as LabelLocale[];
