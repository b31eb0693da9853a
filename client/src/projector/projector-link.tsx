import { useId } from 'react';
import { Projector } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { boardUrl } from '../routing/route';
import { useSession } from '../store/session-store';
import './projector-link.css';

/**
 * "Open the projector view". A facilitator opens it with their own token: /access then gives the
 * projector the participant link, so it shows the QR code to join. Anyone else opens it with the
 * view-only token, and the projector shows no QR code (docs/roles.md).
 */
export function ProjectorLink({ boardId, token }: { boardId: string; token: string }) {
  const { t } = useTranslation();
  const hintId = useId();
  return (
    <div className="projector-link">
      <a className="button" href={boardUrl(location.origin, boardId, token, true)} target="_blank" rel="noopener" aria-describedby={hintId}>
        <Projector aria-hidden size={16} />
        {t('facilitation.room.projector')}
      </a>
      <p id={hintId} className="hint">
        {t('facilitation.room.projectorHint')}
      </p>
    </div>
  );
}

/** The share dialog's projector entry: the facilitator's own token, else the view-only one. */
export function ProjectorShare() {
  const boardId = useSession((s) => s.boardId);
  const token = useSession((s) => s.links.facilitator ?? s.links.viewer);
  return boardId && token ? <ProjectorLink boardId={boardId} token={token} /> : null;
}
