import type { boardNoticesEn } from './i18n.en';

/** Italian strings of the board's confirmations and notices; same keys as `i18n.en.ts`. */
export const boardNoticesIt: typeof boardNoticesEn = {
  confirmDelete: {
    title: 'Eliminare questa nota?',
    body: '{{name}} sta modificando questa nota. Se la elimini, {{name}} viene avvisato e può rimetterla.',
    confirm: 'Elimina',
  },
  lostEdit: {
    byName: '{{name}} ha eliminato questa nota',
    bySomeone: 'Qualcuno ha eliminato questa nota mentre scrivevi',
    hint: 'Il tuo testo resta qui finché non chiudi questo avviso.',
    restore: 'Ripristina',
    dismiss: 'Chiudi',
  },
  removeAxis: {
    stageTitle: 'Rimuovere la fase «{{title}}»?',
    laneTitle: 'Rimuovere la corsia «{{title}}»?',
    body_one: 'Contiene {{count}} carta. La carta non viene eliminata: va in «Da collocare» sotto la mappa, da dove puoi trascinarla di nuovo.',
    body_other: 'Contiene {{count}} carte. Non vengono eliminate: vanno in «Da collocare» sotto la mappa, da dove puoi trascinarle di nuovo.',
    confirm: 'Rimuovi',
  },
  textLimit: {
    count: '{{count}} di {{max}} caratteri',
    full: 'Una nota contiene al massimo {{max}} caratteri: quello che scrivi o incolli oltre non viene aggiunto.',
  },
};
