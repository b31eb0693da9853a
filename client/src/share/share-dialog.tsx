import { useTranslation } from 'react-i18next';
import { boardUrl } from '../routing/route';
import { useSession } from '../store/session-store';
import { Modal } from '../ui/modal';
import { ShareLink } from './share-link';
import { ProjectorShare } from '../projector/projector-link';
import './share.css';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The participant and view-only links, with QR codes. The server tells each role which links it may
 * hand out (never more rights than it has); the facilitator also has them from the board's creation.
 */
export function ShareDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const boardId = useSession((s) => s.boardId);
  const links = useSession((s) => s.links);
  const entries = (['participant', 'viewer'] as const).filter((role) => links[role]);

  return (
    <Modal title={t('share.title')} onClose={onClose} className="share-dialog">
      {boardId && entries.length > 0 ? (
        entries.map((role) => (
          <ShareLink
            key={role}
            heading={t(`share.${role}`)}
            hint={t(`share.${role}Hint`)}
            url={boardUrl(location.origin, boardId, links[role]!)}
            names={{ link: t(`share.${role}Link`), copy: t(`share.${role}Copy`), qr: t(`share.${role}Qr`) }}
          />
        ))
      ) : (
        <p>{t('share.noLinks')}</p>
      )}
      {LOCAL_HOSTS.has(location.hostname) && entries.length > 0 && <p className="hint share-localhost">{t('share.localhost')}</p>}
      <ProjectorShare />
    </Modal>
  );
}
