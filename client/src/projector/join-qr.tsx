import { QRCodeSVG } from 'qrcode.react';
import { useTranslation } from 'react-i18next';
import { boardUrl } from '../routing/route';
import { useSession } from '../store/session-store';
import { useShareOrigin } from '../share/use-share-origin';

/**
 * "Scan to join": the participant link as a QR code. Shown only when /access handed this projector the
 * participant link, i.e. when it was opened with the facilitator's token (docs/roles.md).
 */
export function JoinQr() {
  const { t } = useTranslation();
  const boardId = useSession((s) => s.boardId);
  const token = useSession((s) => s.links.participant);
  // The address phones in the room can reach, not the projector's own localhost.
  const { origin } = useShareOrigin();
  if (!boardId || !token) return null;
  const url = boardUrl(origin, boardId, token);
  return (
    <section className="projector-join" aria-labelledby="projector-join-title">
      <h2 id="projector-join-title">{t('facilitation.projector.join')}</h2>
      <QRCodeSVG value={url} size={240} marginSize={2} role="img" aria-label={t('facilitation.projector.joinQr')} className="projector-qr" />
      <p className="projector-join-hint">{t('facilitation.projector.joinHint')}</p>
      <p className="projector-join-url">{url}</p>
    </section>
  );
}
