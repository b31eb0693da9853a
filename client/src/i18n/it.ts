import { boardNoticesIt } from '../board/i18n.it';
import { decksIt } from '../decks/i18n.it';
import { journeyIt } from '../journey/i18n.it';
import { facilitationIt } from '../facilitation/i18n.it';
import { shareRoomIt } from '../share/i18n.it';
import { topBarIt } from '../top-bar/i18n.it';
import { exportIt } from '../export/i18n.it';
import { insightsIt } from '../insights/i18n.it';
import { historyIt } from '../history/i18n.it';
import { templatesIt } from '../templates/i18n.it';
import { personasIt } from '../personas/i18n.it';
import type { Messages } from './en';

/** Testi dell'interfaccia in italiano. Il tipo `Messages` impone le stesse chiavi di `en.ts`. */
export const it: Messages = {
  app: {
    name: 'Journey Studio',
    home: 'Journey Studio, pagina iniziale',
  },
  language: {
    label: 'Lingua',
    en: 'English',
    it: 'Italiano',
  },
  common: {
    close: 'Chiudi',
    cancel: 'Annulla',
  },
  roles: {
    facilitator: 'Facilitatore',
    participant: 'Partecipante',
    viewer: 'Spettatore',
  },
  home: {
    heading: 'Disegnate insieme il percorso dei vostri clienti',
    intro:
      'Dalla A di Awareness alla A di Advocacy: sei fasi, cinque punti di vista e tutte le persone in sala che aggiungono note nello stesso momento, dal portatile o dal telefono.',
    newBoard: 'Nuova lavagna',
    titleLabel: 'Titolo della lavagna',
    titlePlaceholder: 'es. Clienti del panificio 2025',
    contentLanguage: 'Lingua dei contenuti',
    contentLanguageHint: 'I titoli di fasi e corsie saranno scritti in questa lingua.',
    create: 'Crea la lavagna',
    creating: 'Creazione…',
    createFailed: 'Non è stato possibile creare la lavagna. Controlla la connessione e riprova.',
    yourBoards: 'Le tue lavagne',
    noBoards: 'Qui compariranno le lavagne che crei o apri con questo browser.',
    lastOpened: 'Aperta il {{date}}',
    untitled: 'Lavagna senza titolo',
    forget: 'Togli «{{title}}» da questo elenco',
  },
  board: {
    mapLabel: 'Mappa del percorso',
    viewOnly: 'Sola lettura',
    unplaced: 'Da collocare',
    unplacedHint: 'La loro fase o corsia è stata rimossa. Trascinale in una cella.',
    cellHint: 'Premi Invio o N per aggiungere una nota.',
    addNoteTo: 'Aggiungi una nota in {{cell}}',
    loading: 'Apertura della lavagna…',
    waitingOffline: 'Sei offline. La lavagna si aprirà appena torna la connessione.',
  },
  card: {
    prefix: 'Nota:',
    draggable: 'trascinabile',
    empty: '(vuota)',
    textLabel: 'Testo della nota',
    edit: 'Modifica la nota',
    color: 'Colore',
    colorGroup: 'Colore della nota',
    moveTo: 'Sposta in…',
    delete: 'Elimina la nota',
    actions: 'Azioni sulla nota',
    unplacedFrom: 'Era in: {{place}}',
  },
  colors: {
    yellow: 'Giallo',
    pink: 'Rosa',
    blue: 'Azzurro',
    green: 'Verde',
    orange: 'Arancione',
    purple: 'Viola',
    grey: 'Grigio',
  },
  move: {
    title: 'Sposta la nota',
    stage: 'Fase',
    lane: 'Corsia',
    submit: 'Sposta',
  },
  skeleton: {
    stageName: 'Nome della fase',
    laneName: 'Nome della corsia',
    renameStage: 'Rinomina la fase {{title}}',
    renameLane: 'Rinomina la corsia {{title}}',
    moveStageLeft: 'Sposta a sinistra la fase {{title}}',
    moveStageRight: 'Sposta a destra la fase {{title}}',
    moveLaneUp: 'Sposta in alto la corsia {{title}}',
    moveLaneDown: 'Sposta in basso la corsia {{title}}',
    removeStage: 'Rimuovi la fase {{title}}',
    removeLane: 'Rimuovi la corsia {{title}}',
    addStage: 'Aggiungi una fase',
    addLane: 'Aggiungi una corsia',
    newStage: 'Nuova fase',
    newLane: 'Nuova corsia',
  },
  zoom: {
    group: 'Zoom',
    in: 'Ingrandisci',
    out: 'Riduci',
    reset: 'Zoom al {{percent}}%, torna al 100%',
    fit: 'Mostra tutto il percorso',
  },
  history: {
    undo: 'Annulla',
    redo: 'Ripeti',
  },
  connection: {
    connected: 'Connesso',
    connecting: 'Connessione…',
    reconnecting: 'Riconnessione…',
    syncing: 'Sincronizzazione…',
    offline: 'Offline',
    savedLocally: 'Salvato su questo dispositivo',
    savedLocallyLong: 'Le tue modifiche sono salvate su questo dispositivo e verranno inviate quando torna la connessione.',
  },
  people: {
    button_one: '{{count}} persona online',
    button_other: '{{count}} persone online',
    title: 'Persone su questa lavagna',
    you: '{{name}} (tu)',
    noName: 'Tu (ancora senza nome)',
    changeName: 'Cambia il tuo nome',
    alone: 'Non c’è ancora nessun altro. Condividi la lavagna per invitare le persone.',
  },
  presence: {
    editing: '{{name}} sta scrivendo',
    moving: '{{name}} sta spostando',
  },
  name: {
    title: 'Come ti chiami?',
    intro: 'Gli altri lo vedranno accanto al tuo cursore e alle note su cui stai lavorando.',
    label: 'Il tuo nome',
    submit: 'Entra nella lavagna',
    save: 'Salva',
  },
  share: {
    button: 'Condividi',
    title: 'Condividi questa lavagna',
    participant: 'Partecipanti',
    participantHint: 'Possono aggiungere, modificare e spostare le note.',
    viewer: 'Sola lettura',
    viewerHint: 'Possono seguire la lavagna ma non modificarla.',
    participantLink: 'Link per i partecipanti',
    participantCopy: 'Copia il link per i partecipanti',
    participantQr: 'Codice QR del link per i partecipanti',
    viewerLink: 'Link in sola lettura',
    viewerCopy: 'Copia il link in sola lettura',
    viewerQr: 'Codice QR del link in sola lettura',
    copy: 'Copia',
    copied: 'Copiato',
    noLinks: 'Solo il facilitatore ha i link di questa lavagna. Chiedigli di condividerla.',
    room: shareRoomIt,
  },
  errors: {
    badToken: {
      title: 'Questo link non apre la lavagna',
      body: 'La chiave di accesso nel link è sbagliata o incompleta. Chiedi di nuovo il link al facilitatore.',
    },
    unknownBoard: {
      title: 'Lavagna non trovata',
      body: 'A questo indirizzo non c’è nessuna lavagna. Il link potrebbe essere incompleto, oppure la lavagna è stata eliminata.',
    },
    noToken: {
      title: 'Al link manca la chiave di accesso',
      body: 'I link delle lavagne finiscono con #token=… Chiedi al facilitatore il link completo, oppure apri la lavagna dalla pagina iniziale del browser che hai usato prima.',
    },
    notFound: {
      title: 'Pagina non trovata',
      body: 'A questo indirizzo non c’è nulla.',
    },
    goHome: 'Vai alla pagina iniziale',
  },
  dnd: {
    instructions:
      'Per prendere una nota premi Spazio. Con le frecce spostala da una cella all’altra, poi premi Spazio o Invio per lasciarla, oppure Esc per annullare.',
    picked: 'Hai preso la nota {{text}}.',
    over: 'Sopra {{cell}}.',
    dropped: 'Nota lasciata in {{cell}}.',
    droppedNowhere: 'Nota lasciata fuori dalla mappa: resta dov’era.',
    cancelled: 'Spostamento annullato.',
  },
  decks: decksIt,
  notices: boardNoticesIt,
  journey: journeyIt,
  facilitation: facilitationIt,
  export: exportIt,
  insights: insightsIt,
  boardHistory: historyIt,
  personas: personasIt,
  topBar: topBarIt,
  templates: templatesIt,
};
