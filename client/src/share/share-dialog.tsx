import { useTranslation } from 'react-i18next';
import { boardUrl } from '../routing/route';
import { useSession } from '../store/session-store';
import { Modal } from '../ui/modal';
import { ShareLink } from './share-link';
import { ProjectorShare } from '../projector/projector-link';
import { useShareOrigin } from './use-share-origin';
import type { ShareOriginKind } from './share-origin';
import './share.css';

/**
 * The participant and view-only links, with QR codes. The server tells each role which links it may
 * hand out (never more rights than it has); the facilitator also has them from the board's creation.
 */
export function ShareDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const boardId = useSession((s) => s.boardId);
  const links = useSession((s) => s.links);
  const entries = (['participant', 'viewer'] as const).filter((role) => links[role]);
  const share = useShareOrigin();

  return (
    <Modal title={t('share.title')} onClose={onClose} className="share-dialog">
      {boardId && entries.length > 0 ? (
        entries.map((role) => (
          <ShareLink
            key={role}
            heading={t(`share.${role}`)}
            hint={t(`share.${role}Hint`)}
            url={boardUrl(share.origin, boardId, links[role]!)}
            names={{ link: t(`share.${role}Link`), copy: t(`share.${role}Copy`), qr: t(`share.${role}Qr`) }}
          />
        ))
      ) : (
        <p>{t('share.noLinks')}</p>
      )}
      {share.settled && entries.length > 0 && <RoomHint kind={share.kind} origin={share.origin} />}
      <ProjectorShare />
    </Modal>
  );
}

/** On this computer's localhost: which address phones get, and what to do when they cannot reach it. */
function RoomHint({ kind, origin }: { kind: ShareOriginKind; origin: string }) {
  const { t } = useTranslation();
  if (kind === 'local-only') return <p className="hint share-room share-room-warning">{t('share.room.localOnly')}</p>;
  if (kind !== 'network') return null;
  const port = new URL(origin).port || '80';
  return (
    <div className="hint share-room">
      <p>{t('share.room.network', { origin })}</p>
      <p>{t('share.room.trouble', { port })}</p>
    </div>
  );
}
