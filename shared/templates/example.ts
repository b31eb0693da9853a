/**
 * The worked example: a small web agency whose clients buy a new website and then need care after the
 * launch, in the spirit of the method's Bizen case. Every stage and lane has cards; the emotion curve
 * dips at the Moment of Truth (the first weeks with the new site); the three moments are in place; the
 * channels break once, from Purchase (website, e-mail) to Use (only the phone); the ideas carry a
 * revealed dot vote and expected effects; three questions are answered; the CLV inputs are filled in.
 * Each language is written in its own words.
 */
import type { BoardSpec, CardSpec, PersonaSpec } from './build';

const A = 'activities';
const G = 'goals';
const E = 'emotions';
const C = 'channels';
const I = 'ideas';

/** Person ids of the four people who voted (22 characters, like a real person id). */
const GIULIA = 'exampleGiulia000000000';
const SAM = 'exampleSam000000000000';
const ANA = 'exampleAna000000000000';
const LUCA = 'exampleLuca00000000000';

/** Two customer types of the agency: the small shop's owner and the marketing manager of a larger client. */
const OWNER = 'owner';
const MANAGER = 'manager';
const personas: PersonaSpec[] = [
  {
    id: OWNER,
    color: '#b23a00',
    name: { en: 'Marta', it: 'Marta' },
    segment: { en: 'Owner of a small shop', it: 'Titolare di una piccola bottega' },
    description: {
      en: 'Runs a bike shop with two employees. Has a new website made once every eight years or so, and would rather not think about it in between.',
      it: 'Gestisce un negozio di biciclette con due dipendenti. Rifà il sito più o meno ogni otto anni e nel frattempo preferirebbe non pensarci.',
    },
    goals: {
      en: 'A site her customers can read on a phone\nChange opening hours and offers by herself\nOne person to call when something breaks',
      it: 'Un sito che i clienti leggano bene dal telefono\nCambiare da sola orari e offerte\nUna persona da chiamare quando qualcosa non va',
    },
    frustrations: {
      en: 'Technical words nobody explains\nWaiting days for a small change',
      it: 'Parole tecniche che nessuno spiega\nAspettare giorni per una piccola modifica',
    },
    quote: { en: 'I don’t want a website, I want customers who find me.', it: 'Non voglio un sito, voglio clienti che mi trovino.' },
  },
  {
    id: MANAGER,
    color: '#0b5fa5',
    name: { en: 'Paolo', it: 'Paolo' },
    segment: { en: 'Marketing manager of a 60-person manufacturer', it: 'Responsabile marketing di un’azienda manifatturiera di 60 persone' },
    description: {
      en: 'Accounts to the owner for every euro of his budget. Compares three agencies on paper before choosing one.',
      it: 'Rende conto al titolare di ogni euro del budget. Confronta tre agenzie sulla carta prima di sceglierne una.',
    },
    goals: {
      en: 'A site that brings qualified enquiries\nFigures he can show the management\nA launch on the date that was promised',
      it: 'Un sito che porti richieste qualificate\nNumeri da mostrare alla direzione\nUna messa online nella data promessa',
    },
    frustrations: {
      en: 'Agencies that vanish after the launch\nExplaining everything again to someone new',
      it: 'Agenzie che spariscono dopo la messa online\nRispiegare tutto da capo a una persona nuova',
    },
    quote: { en: 'After the launch I need a partner, not a ticket number.', it: 'Dopo la messa online mi serve un partner, non un numero di pratica.' },
  },
];

const cards: CardSpec[] = [
  // Awareness
  { id: 'aw-act-1', persona: OWNER, stage: 'awareness', lane: A, author: 'Sam', text: { en: 'One of their own customers says the old site is unreadable on a phone', it: 'Un loro cliente dice che il vecchio sito dal telefono non si legge' } },
  { id: 'aw-act-2', stage: 'awareness', lane: A, author: 'Ana', deck: 'activities/awareness-hears-about' },
  { id: 'aw-goal-1', stage: 'awareness', lane: G, author: 'Luca', deck: 'goals/awareness-find-who-helps' },
  { id: 'aw-emo-1', persona: OWNER, stage: 'awareness', lane: E, author: 'Giulia', deck: 'emotions/curiosity' },
  { id: 'aw-ch-1', stage: 'awareness', lane: C, author: 'Sam', deck: 'channels/word-of-mouth' },
  { id: 'aw-ch-2', stage: 'awareness', lane: C, author: 'Sam', deck: 'channels/search-engine' },
  { id: 'aw-idea-1', stage: 'awareness', lane: I, author: 'Ana', text: { en: 'A free check of how their site works on a phone', it: 'Un controllo gratuito di come va il loro sito sul telefono' }, effect: -10 },

  // Consideration
  { id: 'co-act-1', persona: MANAGER, stage: 'consideration', lane: A, author: 'Luca', text: { en: 'Compares the portfolios and prices of three agencies', it: 'Confronta portfolio e prezzi di tre agenzie' } },
  { id: 'co-act-2', stage: 'consideration', lane: A, author: 'Ana', deck: 'activities/consideration-requests-quote' },
  { id: 'co-goal-1', stage: 'consideration', lane: G, author: 'Giulia', deck: 'goals/consideration-real-cost' },
  { id: 'co-goal-2', stage: 'consideration', lane: G, author: 'Sam', deck: 'goals/consideration-feel-understood' },
  { id: 'co-emo-1', persona: MANAGER, stage: 'consideration', lane: E, author: 'Luca', deck: 'emotions/doubt' },
  { id: 'co-emo-2', stage: 'consideration', lane: E, author: 'Ana', deck: 'emotions/trust' },
  { id: 'co-ch-1', stage: 'consideration', lane: C, author: 'Sam', deck: 'channels/search-engine' },
  { id: 'co-ch-2', stage: 'consideration', lane: C, author: 'Sam', deck: 'channels/website' },
  { id: 'co-idea-1', stage: 'consideration', lane: I, author: 'Giulia', text: { en: 'Put the prices of our three packages on our own site', it: 'Pubblicare sul nostro sito i prezzi dei tre pacchetti' }, effect: -15 },

  // Purchase
  { id: 'pu-act-1', stage: 'purchase', lane: A, author: 'Giulia', deck: 'moments/trigger' },
  { id: 'pu-act-2', stage: 'purchase', lane: A, author: 'Luca', deck: 'activities/purchase-orders' },
  { id: 'pu-goal-1', persona: MANAGER, stage: 'purchase', lane: G, author: 'Ana', deck: 'goals/purchase-clear-timing' },
  { id: 'pu-emo-1', stage: 'purchase', lane: E, author: 'Sam', deck: 'emotions/enthusiasm' },
  { id: 'pu-emo-2', persona: MANAGER, stage: 'purchase', lane: E, author: 'Luca', deck: 'emotions/relief' },
  { id: 'pu-ch-1', stage: 'purchase', lane: C, author: 'Ana', deck: 'channels/website' },
  { id: 'pu-ch-2', stage: 'purchase', lane: C, author: 'Ana', deck: 'channels/email' },
  { id: 'pu-idea-1', stage: 'purchase', lane: I, author: 'Sam', text: { en: 'A kick-off meeting that ends with a written date for every step', it: 'Una riunione di avvio che si chiude con una data scritta per ogni passo' }, effect: 5 },

  // Use: the Moment of Truth
  { id: 'us-act-1', stage: 'use', lane: A, author: 'Giulia', deck: 'moments/truth' },
  { id: 'us-act-2', persona: OWNER, stage: 'use', lane: A, author: 'Ana', color: '#ffd6d6', text: { en: 'Gets the login to edit the site, but nobody shows how', it: 'Riceve le credenziali per modificare il sito, ma nessuno gli mostra come' } },
  { id: 'us-act-3', persona: MANAGER, stage: 'use', lane: A, author: 'Luca', color: '#ffd6d6', text: { en: 'A week after the launch, finds out the contact form sends no e-mails', it: 'Una settimana dopo il lancio scopre che il modulo contatti non invia e-mail' } },
  { id: 'us-goal-1', stage: 'use', lane: G, author: 'Sam', deck: 'goals/use-easy-learning' },
  { id: 'us-goal-2', stage: 'use', lane: G, author: 'Giulia', deck: 'goals/use-know-who-to-call' },
  { id: 'us-emo-1', persona: OWNER, stage: 'use', lane: E, author: 'Ana', deck: 'emotions/abandoned' },
  { id: 'us-emo-2', persona: MANAGER, stage: 'use', lane: E, author: 'Luca', deck: 'emotions/confusion' },
  { id: 'us-ch-1', stage: 'use', lane: C, author: 'Sam', deck: 'channels/phone-call' },
  { id: 'us-idea-1', stage: 'use', lane: I, author: 'Ana', text: { en: 'Hand the site over in a 30-minute video call, and send the recording', it: 'Consegnare il sito in una videochiamata di 30 minuti e mandare la registrazione' }, effect: 10 },
  { id: 'us-idea-2', stage: 'use', lane: I, author: 'Luca', text: { en: 'Test the contact form together on launch day', it: 'Provare insieme il modulo contatti il giorno del lancio' }, effect: 5 },
  { id: 'us-idea-3', stage: 'use', lane: I, author: 'Giulia', text: { en: 'One named person answers for the first 30 days after the launch', it: 'Per i primi 30 giorni dopo il lancio risponde sempre la stessa persona' }, effect: 5 },
  {
    id: 'us-q-1',
    stage: 'use',
    lane: I,
    author: 'Giulia',
    deck: 'truth-exercise/promised',
    answer: { en: 'A site they can update themselves, online in eight weeks, and help whenever they need it.', it: 'Un sito da aggiornare in autonomia, online in otto settimane, e un aiuto ogni volta che serve.' },
  },
  {
    id: 'us-q-2',
    stage: 'use',
    lane: I,
    author: 'Sam',
    deck: 'truth-exercise/first-use',
    answer: {
      en: 'They log in on their own, cannot find where to change the opening hours, and wait two days for a reply.',
      it: 'Entrano da soli, non trovano dove si cambiano gli orari di apertura e aspettano due giorni una risposta.',
    },
  },

  // Retention
  { id: 're-act-1', persona: OWNER, stage: 'retention', lane: A, author: 'Luca', text: { en: 'Renews the care plan: updates, backups and one hour of changes a month', it: 'Rinnova il piano di assistenza: aggiornamenti, backup e un’ora di modifiche al mese' } },
  { id: 're-act-2', stage: 'retention', lane: A, author: 'Sam', deck: 'activities/retention-contacts-support' },
  { id: 're-goal-1', stage: 'retention', lane: G, author: 'Ana', text: { en: 'A site that stays fast and safe without having to think about it', it: 'Un sito che resta veloce e sicuro senza doverci pensare' } },
  { id: 're-goal-2', stage: 'retention', lane: G, author: 'Giulia', deck: 'goals/retention-fast-support' },
  { id: 're-emo-1', stage: 'retention', lane: E, author: 'Sam', deck: 'emotions/reassurance' },
  { id: 're-ch-1', stage: 'retention', lane: C, author: 'Luca', deck: 'channels/phone-call' },
  { id: 're-ch-2', stage: 'retention', lane: C, author: 'Luca', deck: 'channels/email' },
  { id: 're-idea-1', stage: 'retention', lane: I, author: 'Sam', text: { en: 'A one-page report every month: visits, updates, backups', it: 'Ogni mese un resoconto di una pagina: visite, aggiornamenti, backup' }, effect: 5 },

  // Advocacy
  { id: 'ad-act-1', stage: 'advocacy', lane: A, author: 'Giulia', deck: 'moments/medal' },
  { id: 'ad-act-2', persona: OWNER, stage: 'advocacy', lane: A, author: 'Ana', text: { en: 'Tells the local trade association who built the site', it: 'Racconta all’associazione di categoria chi ha realizzato il sito' } },
  { id: 'ad-goal-1', stage: 'advocacy', lane: G, author: 'Luca', deck: 'goals/advocacy-share-success' },
  { id: 'ad-emo-1', persona: OWNER, stage: 'advocacy', lane: E, author: 'Ana', deck: 'emotions/pride' },
  { id: 'ad-ch-1', stage: 'advocacy', lane: C, author: 'Sam', deck: 'channels/email' },
  { id: 'ad-ch-2', stage: 'advocacy', lane: C, author: 'Sam', deck: 'channels/word-of-mouth' },
  { id: 'ad-idea-1', stage: 'advocacy', lane: I, author: 'Luca', text: { en: 'Write a case study with the client, with their own numbers', it: 'Scrivere con il cliente un caso di studio, con i suoi numeri' }, effect: 20 },
  {
    id: 'ad-q-1',
    stage: 'advocacy',
    lane: I,
    author: 'Ana',
    deck: 'lifecycle-questions/advocacy-medal',
    answer: {
      en: 'When their own customers compliment them on the new site. We are not there to hear it, and we never ask.',
      it: 'Quando i loro clienti gli fanno i complimenti per il sito nuovo. Noi non ci siamo a sentirlo, e non lo chiediamo mai.',
    },
  },
];

export const EXAMPLE: BoardSpec = {
  title: { en: 'Example: Lumen web studio, new sites and aftercare', it: 'Esempio: Studio web Lumen, siti nuovi e assistenza' },
  personas,
  cards,
  // A website bought once, then a yearly care plan: on average 1,500 € a year per client.
  clv: {
    currency: 'EUR',
    orderValue: 1500,
    purchasesPerYear: 1,
    grossMarginPct: 40,
    firstYearRetentionPct: 55,
    retentionPct: 80,
    acquisitionCost: 600,
    referrals: 0.6,
    discountRatePct: 8,
  },
  vote: {
    id: 'example',
    dots: 3,
    ballots: [
      { person: GIULIA, cards: ['us-idea-1', 'us-idea-2', 're-idea-1'] },
      { person: SAM, cards: ['us-idea-1', 'us-idea-3', 'ad-idea-1'] },
      { person: ANA, cards: ['us-idea-2', 'us-idea-1', 'co-idea-1'] },
      { person: LUCA, cards: ['us-idea-1', 're-idea-1', 'us-idea-2'] },
    ],
  },
};
