import type { Deck } from '../deck-schema';
import { makeCards } from './make';

/**
 * The three key moments of the method. Each is suggested in the stage it opens (the decision opens
 * Purchase, first use opens Use, the medal opens Advocacy) and in no lane: a moment marks a passage.
 */
export const momentsDeck: Deck = {
  formatVersion: 1,
  id: 'moments',
  title: { it: 'I tre momenti chiave', en: 'The three key moments' },
  description: {
    it: 'I passaggi in cui il cliente decide, mette alla prova le promesse e diventa un sostenitore. Collocali sulla mappa e chiediti che cosa succede lì oggi.',
    en: 'The passages where customers decide, put promises to the test and become advocates. Place them on the map and ask what happens there today.',
  },
  cards: makeCards('moment', {}, [
    {
      id: 'trigger',
      moment: 'trigger',
      stage: 'purchase',
      icon: 'crosshair',
      title: { it: 'Momento Grilletto', en: 'Trigger moment' },
      text: {
        it: 'Il momento della decisione, tra Considerazione e Acquisto: il cliente sceglie se comprare, che cosa e da chi. Non è il primo stimolo che fa partire la ricerca, è l’istante in cui la scelta si compie. Bisogna esserci al momento giusto, né troppo presto né troppo tardi.',
        en: 'The point of decision, between Consideration and Purchase: the customer chooses whether to buy, what, and from whom. It is not the first stimulus that starts a search but the instant the choice is made. Be there at the right time, neither too early nor too late.',
      },
    },
    {
      id: 'truth',
      moment: 'truth',
      stage: 'use',
      icon: 'scale',
      title: { it: 'Momento della Verità', en: 'Moment of Truth' },
      text: {
        it: 'Il passaggio dall’acquisto all’utilizzo, tra Acquisto e Utilizzo. Il cliente smette di immaginare il valore che potrebbe ottenere e inizia a riceverne di concreto, confrontando le promesse con la realtà. Spesso il venditore qui sparisce: è il punto in cui quasi ogni azienda può migliorare.',
        en: 'The passage from buying to using, between Purchase and Use. The customer stops imagining the value they might get and starts receiving real value, weighing promises against reality. The seller often vanishes here: it is where almost every business can improve.',
      },
    },
    {
      id: 'medal',
      moment: 'medal',
      stage: 'advocacy',
      icon: 'medal',
      title: { it: 'Momento Medaglia', en: 'Medal moment' },
      text: {
        it: 'Arriva dopo che il bisogno funzionale è stato soddisfatto, nel passaggio da Utilizzo e Fidelizzazione al Passaparola: anche il bisogno emotivo legato all’acquisto trova risposta. È lo scatto che trasforma un cliente soddisfatto in un sostenitore, una persona che parlerà bene di te anche quando non ci sei.',
        en: 'Comes once the functional need is met, on the way from Use and Retention to Advocacy: the emotional need behind the purchase is fulfilled too. It is the click that turns a satisfied customer into an advocate, someone who speaks well of you when you are not in the room.',
      },
    },
  ]),
};
