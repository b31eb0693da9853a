import { clvEn } from './clv-i18n.en';
/**
 * English strings of the Insights panel (its sections, the projector and report pages). Merged into the
 * interface resources under `insights` (see i18n/en.ts); `i18n.it.ts` has exactly the same keys.
 */
export const insightsEn = {
  button: 'Insights',
  panel: 'Insights',
  close: 'Close the insights panel',
  intro: 'What the map means for the business, computed live from the cards.',
  keys: 'Key: I',
  download: 'Download as image',
  downloading: 'Preparing the image…',
  downloadFailed: 'The image could not be made. Try again.',
  showCards_one: 'Show the card on the map',
  showCards_other: 'Show the {{count}} cards on the map',
  shownCards_one: '1 card outlined on the map.',
  shownCards_other: '{{count}} cards outlined on the map.',
  noCards: 'No cards behind this yet.',
  projector: {
    show: 'Show on the projector',
    hide: 'Hide from the projector',
    showing: 'On the projector now',
    title: 'Insights',
  },
  report: {
    title: 'Insights',
  },
  truthGap: {
    title: 'Moment of Truth: promise and reality',
    intro: 'How customers feel before the Moment of Truth (the promise) against how they feel after it (the experience).',
  },
  silos: {
    title: 'Channel silos',
    intro: 'Which channels the customer meets in each stage, and where they must switch channel from one stage to the next.',
  },
  moments: {
    title: 'Key moments check',
    intro: 'Are the three key moments on the map, and where the method puts them?',
  },
  clv: clvEn,
};
