import { CARD_LABELS } from '../../../shared/card-layout/labels';
import type { journeyEn } from './i18n.en';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** Testi dei momenti chiave, della curva delle emozioni e delle carte sulla mappa: le chiavi di `i18n.en.ts`. */
export const journeyIt: Strings<typeof journeyEn> = {
  moments: {
    trigger: {
      name: CARD_LABELS.it.moments.trigger,
      where: 'Tra Considerazione e Acquisto',
      explain:
        'Il momento della decisione: il cliente decide se comprare, che cosa e da chi. Non è il primo stimolo che fa partire la ricerca, è l’istante in cui la scelta si compie. Bisogna esserci al momento giusto, né troppo presto né troppo tardi.',
    },
    truth: {
      name: CARD_LABELS.it.moments.truth,
      where: 'Tra Acquisto e Utilizzo',
      explain:
        'Il passaggio dall’acquisto all’utilizzo: il cliente smette di immaginare il valore e inizia a riceverlo, e confronta le promesse con la realtà. Spesso qui il venditore sparisce: è il punto in cui quasi ogni azienda può migliorare.',
    },
    medal: {
      name: CARD_LABELS.it.moments.medal,
      where: 'Da Utilizzo e Fidelizzazione al Passaparola',
      explain:
        'Soddisfatto il bisogno funzionale, trova risposta anche il bisogno emotivo legato all’acquisto: è lo scatto che trasforma un cliente in un sostenitore, una persona che parla bene di te anche quando non ci sei.',
    },
    kicker: CARD_LABELS.it.kicker,
    indicator: {
      label: 'Momenti chiave sulla mappa',
      summary: '{{count}} momenti chiave su 3 sulla mappa',
      mapped: '{{name}}: sulla mappa, in {{stages}}',
      missing: '{{name}}: manca',
    },
  },
  curve: {
    name: 'Curva delle emozioni',
    noData: 'nessun dato',
    legend: 'Linea: valenza mediana delle carte emozione di ogni fase. Fascia: dalla più bassa alla più alta. Un’interruzione indica una fase senza carte emozione.',
  },
  valence: {
    label: 'Valenza {{value}}: {{meaning}}',
    m2: 'molto negativa',
    m1: 'negativa',
    zero: 'neutra',
    p1: 'positiva',
    p2: 'molto positiva',
  },
  question: {
    answer: 'Risposta',
    edit: 'Scrivi la risposta',
    answerFor: 'Risposta a: {{question}}',
    placeholder: 'Scrivi la risposta del gruppo…',
    noAnswer: CARD_LABELS.it.noAnswer,
  },
};
