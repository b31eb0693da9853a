import type { templatesEn } from './i18n.en';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** Stringhe italiane di modelli ed esempio; stesse chiavi di `i18n.en.ts`. */
export const templatesIt: Strings<typeof templatesEn> = {
  example: {
    heading: 'Guarda una mappa completa',
    intro: 'Una piccola web agency i cui clienti comprano un sito nuovo e poi hanno bisogno di assistenza dopo la messa online: ogni fase e ogni corsia compilate, la curva delle emozioni che scende al Momento della Verità, i tre momenti, le idee votate, le domande con le risposte e il valore del cliente calcolato.',
    open: 'Apri l’esempio completo',
    opening: 'Apertura dell’esempio…',
    own: 'Diventa una nuova lavagna tutta tua, con i suoi link: puoi cambiare qualsiasi cosa.',
    failed: 'Non è stato possibile aprire l’esempio ({{reason}}). Controlla la connessione e riprova.',
  },
  start: {
    legend: 'Parti da',
    blank: 'Mappa vuota',
    'b2b-service': 'Servizio B2B',
    'online-shop': 'Negozio online',
    'local-business': 'Negozio o ristorante di quartiere',
    subscription: 'Prodotto in abbonamento',
    file: 'Un file modello…',
    blankHint: 'Le sei fasi e le cinque corsie, vuote.',
    templateHint: 'Un sottotitolo per ogni fase e qualche domanda per avviare la discussione.',
    fileLabel: 'File modello (.json)',
    fileHint: 'Un modello salvato da una lavagna («Salva come modello») o il backup di una lavagna. La lavagna mantiene la lingua del file.',
    fileLanguage: 'Lingua dei contenuti: {{language}}, dal file.',
    fileNeeded: 'Scegli prima un file modello.',
    reading: 'Lettura del file…',
    invalid: 'Questo file non è un modello valido. Nessuna lavagna è stata creata.',
    deckFile: 'Questo è un mazzo di carte, non un modello. Importalo nel pannello Mazzi di una lavagna. Nessuna lavagna è stata creata.',
    tooLarge: 'Questo file è troppo grande per essere un modello. Nessuna lavagna è stata creata.',
    failed: 'Non è stato possibile creare la lavagna ({{reason}}). Nessuna lavagna è stata creata.',
  },
  preview: {
    label: 'Anteprima di «{{name}}»: {{stages}} fasi ({{stageList}}), {{lanes}} corsie, {{cards}} carte.',
    cards_one: '{{count}} carta domanda',
    cards_other: '{{count}} carte domanda',
    noCards: 'Nessuna carta',
    loading: 'Caricamento dell’anteprima…',
  },
  save: {
    /** In the file's name: <board-title>-modello-<date>.json */
    filePart: 'modello',
    menu: 'Salva come modello',
    saved: 'Modello salvato come {{file}}: esclusi voti, risposte, stato della sessione, proprietari delle carte, dati del CLV ed effetti delle idee.',
  },
};
