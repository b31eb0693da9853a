import type { Deck } from '../deck-schema';
import { makeCards } from './make';

const lane = 'goals';

/** What the customer wants to achieve at each stage, functional and emotional goals together. */
export const goalsDeck: Deck = {
  formatVersion: 1,
  id: 'goals',
  title: { it: 'Obiettivi del cliente', en: 'Customer goals' },
  description: {
    it: 'Che cosa vuole ottenere il cliente in ogni fase: risultati concreti ma anche bisogni emotivi.',
    en: 'What the customer wants to achieve at each stage: practical results as well as emotional needs.',
  },
  cards: [
    ...makeCards('goal', { stage: 'awareness', lane }, [
      {
        id: 'awareness-understand-problem',
        icon: 'brain',
        title: { it: 'Capire qual è davvero il problema', en: 'Understand what the problem really is' },
      },
      {
        id: 'awareness-find-who-helps',
        icon: 'scan-search',
        title: { it: 'Scoprire chi può aiutarlo', en: 'Find out who can help' },
      },
      {
        id: 'awareness-stay-informed',
        icon: 'trending-up',
        title: { it: 'Restare aggiornato sul proprio settore', en: 'Keep up with their industry' },
      },
      {
        id: 'awareness-no-noise',
        icon: 'clock',
        title: { it: 'Non perdere tempo con proposte inutili', en: 'Not waste time on irrelevant offers' },
      },
    ]),
    ...makeCards('goal', { stage: 'consideration', lane }, [
      {
        id: 'consideration-right-fit',
        icon: 'puzzle',
        title: { it: 'Trovare la soluzione adatta al suo caso', en: 'Find the solution that fits their case' },
      },
      {
        id: 'consideration-real-cost',
        icon: 'euro',
        title: { it: 'Capire quanto costa davvero', en: 'Understand the real cost' },
        text: { it: 'Prezzo, tempi, impegno richiesto, costi nascosti.', en: 'Price, time, effort required, hidden costs.' },
      },
      {
        id: 'consideration-reduce-risk',
        icon: 'shield-check',
        title: { it: 'Ridurre il rischio di sbagliare', en: 'Reduce the risk of a wrong choice' },
      },
      {
        id: 'consideration-feel-understood',
        icon: 'heart-handshake',
        title: { it: 'Sentirsi capito, non spinto a comprare', en: 'Feel understood, not pushed to buy' },
      },
      {
        id: 'consideration-convince-others',
        icon: 'clipboard-list',
        title: { it: 'Avere argomenti per convincere gli altri', en: 'Have arguments to convince the others' },
        text: { it: 'Il capo, i soci, chi firma il budget.', en: 'The boss, the partners, whoever signs off the budget.' },
      },
    ]),
    ...makeCards('goal', { stage: 'purchase', lane }, [
      {
        id: 'purchase-easy',
        icon: 'circle-check-big',
        title: { it: 'Comprare in modo semplice e rapido', en: 'Buy simply and quickly' },
      },
      {
        id: 'purchase-fair-terms',
        icon: 'scale',
        title: { it: 'Ottenere condizioni eque', en: 'Get fair terms' },
      },
      {
        id: 'purchase-clear-timing',
        icon: 'calendar-days',
        title: { it: 'Avere certezza su tempi e consegna', en: 'Be certain about timing and delivery' },
      },
      {
        id: 'purchase-right-choice',
        icon: 'thumbs-up',
        title: { it: 'Sentire di aver fatto la scelta giusta', en: 'Feel they made the right choice' },
      },
    ]),
    ...makeCards('goal', { stage: 'use', lane }, [
      {
        id: 'use-quick-results',
        icon: 'rocket',
        title: { it: 'Vedere presto i primi risultati', en: 'See the first results soon' },
      },
      {
        id: 'use-easy-learning',
        icon: 'graduation-cap',
        title: { it: 'Imparare a usarlo senza fatica', en: 'Learn to use it without effort' },
      },
      {
        id: 'use-promised-value',
        icon: 'gift',
        title: { it: 'Ottenere il valore promesso', en: 'Get the value that was promised' },
      },
      {
        id: 'use-know-who-to-call',
        icon: 'life-buoy',
        title: { it: 'Sapere a chi rivolgersi', en: 'Know who to turn to' },
      },
      {
        id: 'use-look-good',
        icon: 'award',
        title: { it: 'Fare bella figura con capo e colleghi', en: 'Look good to the boss and colleagues' },
      },
    ]),
    ...makeCards('goal', { stage: 'retention', lane }, [
      {
        id: 'retention-get-more',
        icon: 'gauge',
        title: { it: 'Ricavare sempre più valore dall’acquisto', en: 'Get ever more value from the purchase' },
      },
      {
        id: 'retention-fast-support',
        icon: 'wrench',
        title: { it: 'Risolvere i problemi in fretta', en: 'Get problems solved fast' },
      },
      {
        id: 'retention-recognised',
        icon: 'user-check',
        title: { it: 'Essere riconosciuto su ogni canale', en: 'Be recognised on every channel' },
        text: {
          it: 'Non dover rispiegare chi è passando dall’e-mail al telefono al negozio.',
          en: 'Not having to explain who they are again when moving from e-mail to phone to shop.',
        },
      },
      {
        id: 'retention-rewarded',
        icon: 'badge-percent',
        title: { it: 'Vedere premiata la propria fedeltà', en: 'See their loyalty rewarded' },
      },
    ]),
    ...makeCards('goal', { stage: 'advocacy', lane }, [
      {
        id: 'advocacy-share-success',
        icon: 'party-popper',
        title: { it: 'Condividere qualcosa che ha funzionato', en: 'Share something that worked' },
      },
      {
        id: 'advocacy-help-others',
        icon: 'hand-heart',
        title: { it: 'Aiutare altri a scegliere bene', en: 'Help others choose well' },
      },
      {
        id: 'advocacy-belong',
        icon: 'users',
        title: { it: 'Sentirsi parte del marchio', en: 'Feel part of the brand' },
      },
      {
        id: 'advocacy-recognition',
        icon: 'trophy',
        title: { it: 'Ottenere stima e visibilità', en: 'Gain esteem and visibility' },
      },
    ]),
  ],
};
