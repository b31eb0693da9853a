/**
 * English strings of the share dialog's room hints (how phones reach this server). Merged under
 * `share.room`; `i18n.it.ts` has the same keys.
 */
export const shareRoomEn = {
  network: 'These links use this computer’s network address ({{origin}}), so phones on the same network can open them: localhost works only on this computer.',
  trouble:
    'If a phone cannot open the link: connect it to the same Wi-Fi as this computer (guest Wi-Fi often keeps devices apart), and let this computer’s firewall accept connections on port {{port}}. If that is not possible, turn on a hotspot on this computer or a phone and join it with both.',
  localOnly:
    'This address works only on this computer, so phones cannot join yet. Either the server was started for this computer only (HOST=127.0.0.1) or this computer is not on a network. Connect it to the room’s Wi-Fi, stop the server (Ctrl+C) and start it again with npm start, without HOST=127.0.0.1, then open Share again.',
};
