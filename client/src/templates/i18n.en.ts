/**
 * English strings of templates and the worked example (home page, new-board form, "Save as template").
 * Merged into the interface resources under `templates`; `i18n.it.ts` has the same keys.
 */
export const templatesEn = {
  example: {
    heading: 'See a finished map',
    intro: 'A small web agency whose clients buy a new website and then need care after the launch: every stage and lane filled in, the emotion curve dipping at the Moment of Truth, the three moments, the ideas voted on, the questions answered and the lifetime value worked out.',
    open: 'Open the worked example',
    opening: 'Opening the example…',
    own: 'It becomes a new board of your own, with its own links: change anything.',
    failed: 'The example could not be opened ({{reason}}). Check your connection and try again.',
  },
  start: {
    legend: 'Start from',
    blank: 'Blank map',
    'b2b-service': 'B2B service',
    'online-shop': 'Online shop',
    'local-business': 'Local shop or restaurant',
    subscription: 'Subscription product',
    file: 'A template file…',
    blankHint: 'The six stages and five lanes, empty.',
    templateHint: 'Stage subtitles and a few questions to start the discussion.',
    fileLabel: 'Template file (.json)',
    fileHint: 'A template saved from a board (“Save as template”) or any board backup. The board keeps the file’s language.',
    fileLanguage: 'Content language: {{language}}, from the file.',
    fileNeeded: 'Choose a template file first.',
    reading: 'Reading the file…',
    invalid: 'This file is not a valid template. No board was created.',
    deckFile: 'This is a card deck, not a template. Import it in a board’s Decks panel. No board was created.',
    tooLarge: 'This file is too large to be a template. No board was created.',
    failed: 'The board could not be created ({{reason}}). No board was created.',
  },
  preview: {
    label: 'Preview of “{{name}}”: {{stages}} stages ({{stageList}}), {{lanes}} lanes, {{cards}} cards.',
    cards_one: '{{count}} prompt card',
    cards_other: '{{count}} prompt cards',
    noCards: 'No cards',
    loading: 'Loading the preview…',
  },
  save: {
    /** In the file's name: <board-title>-template-<date>.json */
    filePart: 'template',
    menu: 'Save as template',
    saved: 'Template saved as {{file}}: votes, answers, session state, card owners, CLV figures and idea effects left out.',
  },
};
