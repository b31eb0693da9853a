import { clvIt } from './clv-i18n.it';
import type { insightsEn } from './i18n.en';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** Testi del pannello Analisi (sezioni, proiettore, pagina del report): le chiavi di `i18n.en.ts`. */
export const insightsIt: Strings<typeof insightsEn> = {
  button: 'Analisi',
  panel: 'Analisi',
  close: 'Chiudi il pannello Analisi',
  intro: 'Che cosa dice la mappa sul business, calcolato in diretta dalle carte.',
  keys: 'Tasto: I',
  download: 'Scarica come immagine',
  downloading: 'Preparazione dell’immagine…',
  downloadFailed: 'Non è stato possibile creare l’immagine. Riprova.',
  showCards_one: 'Mostra la carta sulla mappa',
  showCards_other: 'Mostra le {{count}} carte sulla mappa',
  shownCards_one: '1 carta evidenziata sulla mappa.',
  shownCards_other: '{{count}} carte evidenziate sulla mappa.',
  noCards: 'Ancora nessuna carta dietro questo dato.',
  projector: {
    show: 'Mostra sul proiettore',
    hide: 'Togli dal proiettore',
    showing: 'Ora sul proiettore',
    title: 'Analisi',
  },
  report: {
    title: 'Analisi',
  },
  truthGap: {
    title: 'Momento della Verità: promessa e realtà',
    intro: 'Come si sente il cliente prima del Momento della Verità (la promessa) rispetto a come si sente dopo (l’esperienza).',
  },
  silos: {
    title: 'Silos tra canali',
    intro: 'Quali canali incontra il cliente in ogni fase, e dove deve cambiare canale passando da una fase alla successiva.',
  },
  moments: {
    title: 'Verifica dei momenti chiave',
    intro: 'I tre momenti chiave sono sulla mappa, e dove li colloca il metodo?',
  },
  clv: clvIt,
};
