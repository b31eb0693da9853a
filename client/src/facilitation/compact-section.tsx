import { useEffect, useState } from 'react';
import { Archive } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { CompactBoardResponse } from '../../../shared/protocol';
import { useSession } from '../store/session-store';
import { compactBoard, takeCompactionResult } from './compact';

type Status = { kind: 'idle' } | { kind: 'confirm' } | { kind: 'working' } | { kind: 'done'; sizes: CompactBoardResponse } | { kind: 'failed' };

/**
 * "Compact the board": rewrites the board without its history, after a confirmation (everyone's page
 * reloads). The status line is a live region: it says what happens and, after the reload, what it saved.
 */
export function CompactSection() {
  const { t, i18n } = useTranslation();
  const boardId = useSession((s) => s.boardId);
  const token = useSession((s) => s.links.facilitator);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  useEffect(() => {
    const sizes = boardId ? takeCompactionResult(boardId) : null;
    if (sizes) setStatus({ kind: 'done', sizes });
  }, [boardId]);
  if (!boardId || !token) return null;
  const kb = (bytes: number) => new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(bytes / 1024);
  const run = () => {
    setStatus({ kind: 'working' });
    // On success the server's 4205 close reloads the page; the sizes show after it.
    compactBoard(boardId, token).catch(() => setStatus({ kind: 'failed' }));
  };
  return (
    <section className="fac-section" aria-labelledby="fac-compact-title">
      <h3 id="fac-compact-title">{t('facilitation.compact.title')}</h3>
      {status.kind === 'confirm' ? (
        <div className="fac-confirm" role="group" aria-labelledby="fac-compact-confirm">
          <p id="fac-compact-confirm">{t('facilitation.compact.confirm')}</p>
          <div className="fac-confirm-actions">
            <button type="button" className="button" autoFocus onClick={() => setStatus({ kind: 'idle' })}>
              {t('facilitation.compact.cancel')}
            </button>
            <button type="button" className="button button-danger" onClick={run}>
              {t('facilitation.compact.yes')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="button" aria-describedby="fac-compact-hint" disabled={status.kind === 'working'} onClick={() => setStatus({ kind: 'confirm' })}>
          <Archive aria-hidden size={16} />
          {t('facilitation.compact.button')}
        </button>
      )}
      <p id="fac-compact-hint" className="hint">
        {t('facilitation.compact.hint')}
      </p>
      <p className="fac-compact-status" role="status">
        {status.kind === 'working' && t('facilitation.compact.working')}
        {status.kind === 'failed' && t('facilitation.compact.failed')}
        {status.kind === 'done' && t('facilitation.compact.done', { before: kb(status.sizes.bytesBefore), after: kb(status.sizes.bytesAfter) })}
      </p>
    </section>
  );
}
