import type { Deck } from '../deck-schema';
import { makeCards } from './make';

/** Question cards take an answer on the board. Three decks: one per exercise. */

export const truthExerciseDeck: Deck = {
  formatVersion: 1,
  id: 'truth-exercise',
  title: { it: 'Esercizio: il Momento della Verità', en: 'Exercise: the Moment of Truth' },
  description: {
    it: 'Che cosa succede quando il cliente passa dall’acquisto all’utilizzo? Rispondete insieme, poi trovate almeno cinque piccoli miglioramenti da mettere in pratica subito.',
    en: 'What happens when the customer moves from buying to using? Answer together, then find at least five small improvements you can put into practice right away.',
  },
  cards: makeCards('question', { stage: 'use', lane: 'ideas' }, [
    {
      id: 'promised',
      title: { it: 'Che cosa abbiamo promesso?', en: 'What did we promise?' },
      text: {
        it: 'Quello che il cliente ha sentito prima di comprare: dal venditore, sul sito, nell’offerta.',
        en: 'What the customer heard before buying: from the sales person, on the website, in the offer.',
      },
    },
    {
      id: 'first-use',
      title: { it: 'Che cosa succede al primo utilizzo?', en: 'What happens the first time they use it?' },
      text: {
        it: 'Ripercorrete i primi giorni passo per passo, con gli occhi del cliente.',
        en: 'Walk through the first days step by step, through the customer’s eyes.',
      },
    },
    {
      id: 'who-is-there',
      title: { it: 'Chi accompagna il cliente dopo la vendita?', en: 'Who is with the customer after the sale?' },
      text: {
        it: 'Il venditore resta presente? A chi passa il testimone, e il cliente lo sa?',
        en: 'Does the sales person stay in touch? Who takes over, and does the customer know?',
      },
    },
    {
      id: 'training-support',
      title: { it: 'Quale formazione e assistenza riceve?', en: 'What training and support do they get?' },
      text: {
        it: 'Come impara a usare ciò che ha comprato, e chi lo aiuta quando qualcosa non va.',
        en: 'How they learn to use what they bought, and who helps them when something goes wrong.',
      },
    },
    {
      id: 'promise-gap',
      title: { it: 'Dove la realtà non mantiene le promesse?', en: 'Where does reality fall short of the promise?' },
    },
    {
      id: 'five-improvements',
      icon: 'lightbulb',
      title: { it: 'Cinque piccoli miglioramenti rapidi', en: 'Five small, quick improvements' },
      text: {
        it: 'Non serve rivoluzionare il servizio: bastano cinque cose semplici da applicare presto. Per ognuna, chi se ne occupa ed entro quando?',
        en: 'No need to reinvent the service: five simple things you can apply soon are enough. For each one, who takes care of it and by when?',
      },
    },
  ]),
};

export const pricingDeck: Deck = {
  formatVersion: 1,
  id: 'pricing-strategy',
  title: { it: 'Strategie di prezzo', en: 'Pricing strategy' },
  description: {
    it: 'Cinque domande per ragionare sul prezzo prima di cambiarlo. Non danno una formula: servono ad aprire la discussione.',
    en: 'Five questions to think about price before changing it. They give no formula: they open the discussion.',
  },
  cards: makeCards('question', { stage: 'purchase' }, [
    {
      id: 'perceived-quality',
      title: {
        it: 'Come percepiscono i clienti la qualità del prodotto, del servizio e del marchio?',
        en: 'How do customers perceive the quality of your product, service and brand?',
      },
    },
    {
      id: 'price-sensitivity',
      title: {
        it: 'Quanto sono sensibili i clienti alle variazioni di prezzo?',
        en: 'How sensitive are your customers to price changes?',
      },
    },
    {
      id: 'market-today',
      title: { it: 'Come si muove oggi il tuo mercato?', en: 'How is your market moving today?' },
      text: {
        it: 'Cresce, è stabile o si contrae? Entrano nuovi concorrenti?',
        en: 'Is it growing, stable or shrinking? Are new competitors coming in?',
      },
    },
    {
      id: 'market-role',
      title: { it: 'Che ruolo hai nel tuo mercato?', en: 'What role do you play in your market?' },
      text: {
        it: 'Leader, sfidante, inseguitore o specialista di nicchia.',
        en: 'Leader, challenger, follower or niche specialist.',
      },
    },
    {
      id: 'life-cycle-phase',
      title: {
        it: 'In quale fase del ciclo di vita si trova il prodotto o servizio?',
        en: 'Which phase of its life cycle is the product or service in?',
      },
      text: { it: 'Lancio, crescita, maturità o declino.', en: 'Launch, growth, maturity or decline.' },
    },
  ]),
};

export const lifecycleQuestionsDeck: Deck = {
  formatVersion: 1,
  id: 'lifecycle-questions',
  title: { it: 'Domande sul ciclo di vita del cliente', en: 'Customer lifecycle questions' },
  description: {
    it: 'Domande guida per ogni fase, dalla consapevolezza al passaparola. Rispondete sulla carta stessa.',
    en: 'Guiding questions for each stage, from awareness to advocacy. Answer on the card itself.',
  },
  cards: [
    ...makeCards('question', { stage: 'awareness', lane: 'ideas' }, [
      { id: 'awareness-how-found', title: { it: 'Come ti trovano oggi i potenziali clienti?', en: 'How do prospects find you today?' } },
      {
        id: 'awareness-where-look',
        title: { it: 'Dove cerca informazioni il tuo cliente ideale?', en: 'Where does your ideal customer look for information?' },
      },
    ]),
    ...makeCards('question', { stage: 'consideration', lane: 'ideas' }, [
      {
        id: 'consideration-trust',
        title: { it: 'Che cosa spinge un potenziale cliente a fidarsi di te?', en: 'What makes a prospect trust you?' },
      },
      {
        id: 'consideration-content',
        title: {
          it: 'Quali contenuti utili offri prima di vendere?',
          en: 'What useful content do you offer before selling?',
        },
        text: {
          it: 'Informare e formare il cliente vince la diffidenza del primo contatto.',
          en: 'Informing and teaching the customer overcomes the wariness of a first contact.',
        },
      },
    ]),
    ...makeCards('question', { stage: 'purchase', lane: 'ideas' }, [
      {
        id: 'purchase-present',
        title: { it: 'Sei presente quando il cliente decide?', en: 'Are you there when the customer decides?' },
      },
      {
        id: 'purchase-hesitate',
        title: {
          it: 'Che cosa può far esitare il cliente all’ultimo momento?',
          en: 'What could make the customer hesitate at the last moment?',
        },
      },
    ]),
    ...makeCards('question', { stage: 'use', lane: 'ideas' }, [
      {
        id: 'use-learn',
        title: {
          it: 'Come impara il cliente a usare ciò che ha comprato?',
          en: 'How does the customer learn to use what they bought?',
        },
      },
      {
        id: 'use-who-to-call',
        title: {
          it: 'A chi si rivolge il cliente quando qualcosa non va?',
          en: 'Who does the customer turn to when something goes wrong?',
        },
      },
    ]),
    ...makeCards('question', { stage: 'retention', lane: 'ideas' }, [
      {
        id: 'retention-recognise',
        title: {
          it: 'Riconosci il cliente su ogni canale che usa?',
          en: 'Do you recognise the customer on every channel they use?',
        },
      },
      {
        id: 'retention-reasons',
        title: {
          it: 'Quali motivi dai al cliente per acquistare di nuovo?',
          en: 'What reasons do you give the customer to buy again?',
        },
      },
    ]),
    ...makeCards('question', { stage: 'advocacy', lane: 'ideas' }, [
      {
        id: 'advocacy-promoters',
        title: { it: 'Come diventano promotori i tuoi clienti?', en: 'How do your customers become promoters?' },
      },
      {
        id: 'advocacy-community',
        title: { it: 'Come potrebbe aiutarli una community?', en: 'How could a community help them?' },
        text: {
          it: 'Un gruppo, un forum, una chat in cui i clienti si scambiano consigli.',
          en: 'A group, a forum, a chat where customers swap advice.',
        },
      },
      {
        id: 'advocacy-medal',
        title: { it: 'Qual è il Momento Medaglia dei tuoi clienti?', en: 'What is your customers’ Medal moment?' },
      },
    ]),
  ],
};
