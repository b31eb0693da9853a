import { boardNoticesEn } from '../board/i18n.en';
import { decksEn } from '../decks/i18n.en';
import { journeyEn } from '../journey/i18n.en';
import { facilitationEn } from '../facilitation/i18n.en';
import { shareRoomEn } from '../share/i18n.en';
import { topBarEn } from '../top-bar/i18n.en';
import { exportEn } from '../export/i18n.en';
import { insightsEn } from '../insights/i18n.en';
import { historyEn } from '../history/i18n.en';
import { templatesEn } from '../templates/i18n.en';
import { personasEn } from '../personas/i18n.en';

/**
 * English interface strings. `it.ts` must have exactly the same keys (its type is derived from this
 * object). Board content (stage and lane titles) is not here: it lives in the document.
 */
export const en = {
  app: {
    name: 'Journey Studio',
    home: 'Journey Studio home',
  },
  language: {
    label: 'Language',
    en: 'English',
    it: 'Italiano',
  },
  common: {
    close: 'Close',
    cancel: 'Cancel',
  },
  roles: {
    facilitator: 'Facilitator',
    participant: 'Participant',
    viewer: 'Viewer',
  },
  home: {
    heading: "Map your customers' journey, together",
    intro:
      'From the A of Awareness to the A of Advocacy: six stages, five lenses, and everyone in the room adding notes at the same time from a laptop or a phone.',
    newBoard: 'New board',
    titleLabel: 'Board title',
    titlePlaceholder: 'e.g. Bakery customers 2025',
    contentLanguage: 'Content language',
    contentLanguageHint: 'Stage and lane titles are written in this language.',
    create: 'Create board',
    creating: 'Creating…',
    createFailed: "The board could not be created. Check your connection and try again.",
    yourBoards: 'Your boards',
    noBoards: 'Boards you create or open in this browser will appear here.',
    lastOpened: 'Opened {{date}}',
    untitled: 'Untitled board',
    forget: 'Remove “{{title}}” from this list',
  },
  board: {
    mapLabel: 'Journey map',
    viewOnly: 'View only',
    unplaced: 'Not placed',
    unplacedHint: 'Their stage or lane was removed. Drag them into a cell.',
    cellHint: 'Press Enter or N to add a note.',
    addNoteTo: 'Add a note to {{cell}}',
    loading: 'Opening the board…',
    waitingOffline: "You're offline. The board will open as soon as the connection is back.",
  },
  card: {
    prefix: 'Note:',
    draggable: 'draggable',
    empty: '(empty)',
    textLabel: 'Note text',
    edit: 'Edit note',
    color: 'Colour',
    colorGroup: 'Note colour',
    moveTo: 'Move to…',
    delete: 'Delete note',
    actions: 'Note actions',
    unplacedFrom: 'Was in: {{place}}',
  },
  colors: {
    yellow: 'Yellow',
    pink: 'Pink',
    blue: 'Blue',
    green: 'Green',
    orange: 'Orange',
    purple: 'Purple',
    grey: 'Grey',
  },
  move: {
    title: 'Move note',
    stage: 'Stage',
    lane: 'Lane',
    submit: 'Move',
  },
  skeleton: {
    stageName: 'Stage name',
    laneName: 'Lane name',
    renameStage: 'Rename stage {{title}}',
    renameLane: 'Rename lane {{title}}',
    moveStageLeft: 'Move stage {{title}} left',
    moveStageRight: 'Move stage {{title}} right',
    moveLaneUp: 'Move lane {{title}} up',
    moveLaneDown: 'Move lane {{title}} down',
    removeStage: 'Remove stage {{title}}',
    removeLane: 'Remove lane {{title}}',
    addStage: 'Add stage',
    addLane: 'Add lane',
    newStage: 'New stage',
    newLane: 'New lane',
  },
  zoom: {
    group: 'Zoom',
    in: 'Zoom in',
    out: 'Zoom out',
    reset: 'Zoom {{percent}}%, reset to 100%',
    fit: 'Fit the journey',
  },
  history: {
    undo: 'Undo',
    redo: 'Redo',
  },
  connection: {
    connected: 'Connected',
    connecting: 'Connecting…',
    reconnecting: 'Reconnecting…',
    syncing: 'Syncing…',
    offline: 'Offline',
    savedLocally: 'Saved on this device',
    savedLocallyLong: 'Your changes are saved on this device and will be sent when the connection is back.',
  },
  people: {
    button_one: '{{count}} person online',
    button_other: '{{count}} people online',
    title: 'People on this board',
    you: '{{name}} (you)',
    noName: 'You (no name yet)',
    changeName: 'Change your name',
    alone: 'Nobody else is here yet. Share the board to invite people.',
  },
  presence: {
    editing: '{{name}} is editing',
    moving: '{{name}} is moving',
  },
  name: {
    title: "What's your name?",
    intro: 'Others on the board see it next to your cursor and the notes you are working on.',
    label: 'Your name',
    submit: 'Join the board',
    save: 'Save',
  },
  share: {
    button: 'Share',
    title: 'Share this board',
    participant: 'Participants',
    participantHint: 'Can add, edit and move notes.',
    viewer: 'View only',
    viewerHint: 'Can follow the board but not change it.',
    participantLink: 'Participant link',
    participantCopy: 'Copy participant link',
    participantQr: 'QR code for the participant link',
    viewerLink: 'View-only link',
    viewerCopy: 'Copy view-only link',
    viewerQr: 'QR code for the view-only link',
    copy: 'Copy',
    copied: 'Copied',
    noLinks: 'Only the facilitator has the links to this board. Ask them to share it.',
    room: shareRoomEn,
  },
  errors: {
    badToken: {
      title: 'This link does not open the board',
      body: 'The access key in the link is wrong or incomplete. Ask the facilitator for the link again.',
    },
    unknownBoard: {
      title: 'Board not found',
      body: 'There is no board at this address. The link may be incomplete, or the board was deleted.',
    },
    noToken: {
      title: 'This link is missing its access key',
      body: 'Board links end with #token=… Ask the facilitator for the full link, or open the board from the home page of the browser you used before.',
    },
    notFound: {
      title: 'Page not found',
      body: 'There is nothing at this address.',
    },
    goHome: 'Go to the home page',
  },
  dnd: {
    instructions:
      'To pick up a note, press Space. Use the arrow keys to move it from cell to cell, then Space or Enter to drop it, or Escape to cancel.',
    picked: 'Picked up note {{text}}.',
    over: 'Over {{cell}}.',
    dropped: 'Note dropped in {{cell}}.',
    droppedNowhere: 'Note dropped outside the map; it stays where it was.',
    cancelled: 'Move cancelled.',
  },
  /** Feature areas keep their strings next to their code and are merged here. */
  decks: decksEn,
  notices: boardNoticesEn,
  journey: journeyEn,
  facilitation: facilitationEn,
  export: exportEn,
  insights: insightsEn,
  boardHistory: historyEn,
  personas: personasEn,
  topBar: topBarEn,
  templates: templatesEn,
};

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
/** The shape every language must fill in. */
export type Messages = DeepStrings<typeof en>;
