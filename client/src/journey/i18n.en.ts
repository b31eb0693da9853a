/**
 * English strings of the journey grammar on the map: the three key moments, the emotion curve, valence
 * and question cards. Merged into the interface resources under `journey`; `i18n.it.ts` has the same keys.
 */
import { CARD_LABELS } from '../../../shared/card-layout/labels';

export const journeyEn = {
  moments: {
    trigger: {
      name: CARD_LABELS.en.moments.trigger,
      where: 'Between Consideration and Purchase',
      explain:
        'The moment of decision: the customer decides whether to buy, what, and from whom. It is not the first stimulus that starts a search, it is the instant the choice is made. Be there at the right time, neither too early nor too late.',
    },
    truth: {
      name: CARD_LABELS.en.moments.truth,
      where: 'Between Purchase and Use',
      explain:
        'The passage from buying to using: the customer stops imagining the value and starts receiving it, and compares the promises with reality. The seller often disappears here; it is where almost every business can improve.',
    },
    medal: {
      name: CARD_LABELS.en.moments.medal,
      where: 'From Use and Retention to Advocacy',
      explain:
        'Once the functional need is met, the emotional need behind the purchase is fulfilled too: the click that turns a customer into an advocate, someone who speaks well of you when you are not in the room.',
    },
    kicker: CARD_LABELS.en.kicker,
    indicator: {
      label: 'Key moments on the map',
      summary: '{{count}} of 3 key moments mapped',
      mapped: '{{name}}: on the map, in {{stages}}',
      missing: '{{name}}: missing',
    },
  },
  curve: {
    name: 'Emotion curve',
    noData: 'no data',
    legend: 'Line: median valence of the emotion cards in each stage. Band: from the lowest to the highest. A break means no emotion cards in that stage.',
  },
  valence: {
    label: 'Valence {{value}}: {{meaning}}',
    m2: 'very negative',
    m1: 'negative',
    zero: 'neutral',
    p1: 'positive',
    p2: 'very positive',
  },
  question: {
    answer: 'Answer',
    edit: 'Write the answer',
    answerFor: 'Answer to: {{question}}',
    placeholder: 'Write the team’s answer…',
    noAnswer: CARD_LABELS.en.noAnswer,
  },
};
