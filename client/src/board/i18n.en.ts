/**
 * English strings of the board's confirmations and notices (deleting a note someone is editing, a note
 * deleted under your fingers, removing a stage or lane with cards, the note length limit). Merged into
 * the interface resources under `notices` (see i18n/en.ts); `i18n.it.ts` has exactly the same keys.
 */
export const boardNoticesEn = {
  confirmDelete: {
    title: 'Delete this note?',
    body: '{{name}} is editing this note. If you delete it, {{name}} is told and can put it back.',
    confirm: 'Delete',
  },
  lostEdit: {
    byName: '{{name}} deleted this note',
    bySomeone: 'Someone deleted this note while you were typing',
    hint: 'Your text is kept here until you close this.',
    restore: 'Restore',
    dismiss: 'Dismiss',
  },
  removeAxis: {
    stageTitle: 'Remove the stage “{{title}}”?',
    laneTitle: 'Remove the lane “{{title}}”?',
    body_one: 'It holds {{count}} card. The card is not deleted: it moves to “Not placed” under the map, from where you can drag it back.',
    body_other: 'It holds {{count}} cards. They are not deleted: they move to “Not placed” under the map, from where you can drag them back.',
    confirm: 'Remove',
  },
  textLimit: {
    count: '{{count}} of {{max}} characters',
    full: 'A note holds at most {{max}} characters: what you type or paste beyond that is not added.',
  },
};
