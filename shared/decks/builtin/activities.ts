import type { Deck } from '../deck-schema';
import { makeCards } from './make';

const lane = 'activities';

/** What the customer typically does at each of the six stages. */
export const activitiesDeck: Deck = {
  formatVersion: 1,
  id: 'activities',
  title: { it: 'Attività del cliente', en: 'Customer activities' },
  description: {
    it: 'Che cosa fa il cliente in ogni fase, dalla scoperta al passaparola. Scegli quelle che riconosci e adattale al tuo caso.',
    en: 'What the customer does at each stage, from discovery to advocacy. Pick the ones you recognise and adapt them to your case.',
  },
  cards: [
    ...makeCards('activity', { stage: 'awareness', lane }, [
      {
        id: 'awareness-notices-need',
        icon: 'lightbulb',
        title: { it: 'Si accorge di un bisogno', en: 'Notices a need' },
        text: { it: 'Un problema, un’esigenza nuova o un desiderio lo spinge a guardarsi intorno.', en: 'A problem, a new requirement or a wish makes them look around.' },
      },
      {
        id: 'awareness-finds-online',
        icon: 'search',
        title: { it: 'Scopre l’azienda online', en: 'Comes across the company online' },
        text: { it: 'Un risultato di ricerca, un post, un video o un annuncio.', en: 'A search result, a post, a video or an ad.' },
      },
      {
        id: 'awareness-hears-about',
        icon: 'ear',
        title: { it: 'Ne sente parlare', en: 'Hears about it' },
        text: { it: 'Da un collega, un amico o un altro cliente.', en: 'From a colleague, a friend or another customer.' },
      },
      {
        id: 'awareness-meets-at-event',
        icon: 'calendar-days',
        title: { it: 'Incontra l’azienda a un evento', en: 'Meets the company at an event' },
        text: { it: 'Una fiera, un convegno, un incontro di settore.', en: 'A trade fair, a conference, an industry meeting.' },
      },
      {
        id: 'awareness-reads-content',
        icon: 'newspaper',
        title: { it: 'Legge un articolo o una newsletter', en: 'Reads an article or a newsletter' },
      },
    ]),
    ...makeCards('activity', { stage: 'consideration', lane }, [
      {
        id: 'consideration-compares',
        icon: 'git-compare',
        title: { it: 'Cerca e confronta le alternative', en: 'Looks for and compares alternatives' },
      },
      {
        id: 'consideration-reads-reviews',
        icon: 'message-square-quote',
        title: { it: 'Legge recensioni e casi di successo', en: 'Reads reviews and case studies' },
      },
      {
        id: 'consideration-downloads-content',
        icon: 'file-down',
        title: { it: 'Scarica una guida o un contenuto utile', en: 'Downloads a guide or useful content' },
        text: { it: 'Spesso lascia il proprio indirizzo e-mail in cambio.', en: 'Often leaving an e-mail address in exchange.' },
      },
      {
        id: 'consideration-asks-info',
        icon: 'presentation',
        title: { it: 'Chiede informazioni o una demo', en: 'Asks for information or a demo' },
      },
      {
        id: 'consideration-requests-quote',
        icon: 'calculator',
        title: { it: 'Richiede un preventivo', en: 'Requests a quote' },
        text: { it: 'Per telefono, per e-mail o con un configuratore online.', en: 'By phone, by e-mail or with an online configurator.' },
      },
      {
        id: 'consideration-discusses',
        icon: 'users-round',
        title: { it: 'Ne parla con chi decide con lui', en: 'Talks it over with the other decision makers' },
        text: { it: 'Colleghi, soci, famiglia.', en: 'Colleagues, partners, family.' },
      },
    ]),
    ...makeCards('activity', { stage: 'purchase', lane }, [
      {
        id: 'purchase-chooses',
        icon: 'mouse-pointer-click',
        title: { it: 'Sceglie offerta e fornitore', en: 'Chooses the offer and the supplier' },
      },
      {
        id: 'purchase-negotiates',
        icon: 'hand-coins',
        title: { it: 'Negozia prezzo e condizioni', en: 'Negotiates price and terms' },
      },
      {
        id: 'purchase-orders',
        icon: 'file-signature',
        title: { it: 'Ordina o firma il contratto', en: 'Places the order or signs the contract' },
      },
      {
        id: 'purchase-pays',
        icon: 'wallet',
        title: { it: 'Effettua il pagamento', en: 'Pays' },
      },
      {
        id: 'purchase-waits',
        icon: 'truck',
        title: { it: 'Attende la consegna o l’attivazione', en: 'Waits for delivery or activation' },
      },
    ]),
    ...makeCards('activity', { stage: 'use', lane }, [
      {
        id: 'use-receives',
        icon: 'package-open',
        title: { it: 'Riceve il prodotto o attiva il servizio', en: 'Receives the product or activates the service' },
      },
      {
        id: 'use-first-try',
        icon: 'play',
        title: { it: 'Lo prova per la prima volta', en: 'Tries it for the first time' },
      },
      {
        id: 'use-learns',
        icon: 'book-open-text',
        title: { it: 'Legge le istruzioni o segue l’avviamento', en: 'Reads the instructions or follows the onboarding' },
      },
      {
        id: 'use-asks-help',
        icon: 'life-buoy',
        title: { it: 'Chiede aiuto quando si blocca', en: 'Asks for help when stuck' },
      },
      {
        id: 'use-checks-promises',
        icon: 'scale',
        title: { it: 'Confronta i risultati con le promesse', en: 'Compares results with the promises' },
      },
    ]),
    ...makeCards('activity', { stage: 'retention', lane }, [
      {
        id: 'retention-uses-regularly',
        icon: 'repeat',
        title: { it: 'Lo usa con regolarità', en: 'Uses it regularly' },
      },
      {
        id: 'retention-training',
        icon: 'graduation-cap',
        title: { it: 'Partecipa a formazione o webinar', en: 'Attends training or webinars' },
      },
      {
        id: 'retention-contacts-support',
        icon: 'phone',
        title: { it: 'Contatta l’assistenza', en: 'Contacts customer support' },
      },
      {
        id: 'retention-receives-updates',
        icon: 'mail-open',
        title: { it: 'Riceve novità e proposte su misura', en: 'Receives news and tailored offers' },
      },
      {
        id: 'retention-buys-again',
        icon: 'refresh-cw',
        title: { it: 'Rinnova o acquista di nuovo', en: 'Renews or buys again' },
      },
    ]),
    ...makeCards('activity', { stage: 'advocacy', lane }, [
      {
        id: 'advocacy-recommends',
        icon: 'megaphone',
        title: { it: 'Lo consiglia a colleghi e amici', en: 'Recommends it to colleagues and friends' },
      },
      {
        id: 'advocacy-reviews',
        icon: 'star',
        title: { it: 'Scrive una recensione', en: 'Writes a review' },
      },
      {
        id: 'advocacy-shares',
        icon: 'share-2',
        title: { it: 'Racconta la sua esperienza sui social', en: 'Shares the experience on social networks' },
      },
      {
        id: 'advocacy-community',
        icon: 'messages-square',
        title: { it: 'Partecipa alla community', en: 'Takes part in the community' },
        text: { it: 'Risponde alle domande di altri clienti, propone idee.', en: 'Answers other customers’ questions, suggests ideas.' },
      },
      {
        id: 'advocacy-testimonial',
        icon: 'badge-check',
        title: { it: 'Fa da testimonial o caso di studio', en: 'Becomes a testimonial or case study' },
      },
    ]),
  ],
};
