import type { shareRoomEn } from './i18n.en';

/** Italian strings of the share dialog's room hints; same keys as `i18n.en.ts`. */
export const shareRoomIt: Record<keyof typeof shareRoomEn, string> = {
  network: 'Questi link usano l’indirizzo di rete di questo computer ({{origin}}), così i telefoni sulla stessa rete possono aprirli: localhost funziona solo su questo computer.',
  trouble:
    'Se un telefono non riesce ad aprire il link: collegalo allo stesso Wi-Fi di questo computer (le reti Wi-Fi per ospiti spesso isolano i dispositivi) e fai accettare al firewall di questo computer le connessioni sulla porta {{port}}. Se non è possibile, attiva un hotspot su questo computer o su un telefono e collega entrambi a quello.',
  localOnly:
    'Questo indirizzo funziona solo su questo computer, quindi i telefoni non possono ancora entrare. Il server è stato avviato solo per questo computer (HOST=127.0.0.1) oppure il computer non è collegato a una rete. Collegalo al Wi-Fi della sala, ferma il server (Ctrl+C) e riavvialo con npm start, senza HOST=127.0.0.1, poi apri di nuovo Condividi.',
};
