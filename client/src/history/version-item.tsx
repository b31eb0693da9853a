import { useRef, useState } from 'react';
import { ChevronDown, Copy, Eye, GitCompare, RotateCcw, Trash2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { VersionEntry } from '../../../shared/history/version-types';
import { useIsFacilitator } from '../store/session-store';
import { ConfirmDialog } from '../ui/confirm-dialog';
import type { Translate } from './change-words';
import { deleteCheckpoint, restoreNewBoard, revertBoard, showView } from './history-actions';
import { NOW, useHistory } from './history-store';
import { checkpointBy, checkpointSummary, checkpointTime, checkpointTitle } from './version-words';

/**
 * One checkpoint in the list: what it is (label or kind), when, by whom, what the map held; its actions
 * unfold under it (one list item open at a time keeps a phone's list short).
 */
export function VersionItem({ version }: { version: VersionEntry }) {
  const { t, i18n } = useTranslation();
  const tr = t as unknown as Translate;
  const facilitator = useIsFacilitator();
  const viewing = useHistory((s) => (s.view?.kind === 'checkpoint' && s.view.id === version.id) || (s.view?.kind === 'compare' && s.view.from === version.id));
  const [open, setOpen] = useState(false);
  const [confirm, setConfirm] = useState<'revert' | 'delete' | null>(null);
  const item = useRef<HTMLLIElement>(null);
  const time = checkpointTime(version.at, i18n.language);
  const title = checkpointTitle(version, tr);
  const actionsId = `history-actions-${version.id}`;
  return (
    <li ref={item} className={`history-item${viewing ? ' is-viewing' : ''}`} data-version-id={version.id}>
      <button type="button" className="history-item-head" aria-expanded={open} aria-controls={actionsId} onClick={() => setOpen(!open)}>
        <span className="history-item-time">{time}</span>
        <span className="history-item-title" dir="auto">
          {title}
        </span>
        <span className="history-item-meta">
          {checkpointBy(version, tr)} · {checkpointSummary(version, tr)}
        </span>
        <ChevronDown aria-hidden size={16} className="history-item-chevron" />
      </button>
      {open && (
        <div className="history-item-actions" id={actionsId} role="group" aria-label={t('boardHistory.actions', { time })}>
          <button type="button" className="button" onClick={() => showView({ kind: 'checkpoint', id: version.id })}>
            <Eye aria-hidden size={16} />
            {t('boardHistory.open')}
          </button>
          <button type="button" className="button" onClick={() => showView({ kind: 'compare', from: version.id, to: NOW })}>
            <GitCompare aria-hidden size={16} />
            {t('boardHistory.changesSince')}
          </button>
          <button type="button" className="button" onClick={() => void restoreNewBoard(version.id)}>
            <Copy aria-hidden size={16} />
            {t('boardHistory.restoreNew')}
          </button>
          {facilitator && (
            <button type="button" className="button button-danger" onClick={() => setConfirm('revert')}>
              <RotateCcw aria-hidden size={16} />
              {t('boardHistory.revert')}
            </button>
          )}
          {/* Only named checkpoints: the others are the server's, kept and thinned by it. */}
          {facilitator && version.kind === 'named' && (
            <button type="button" className="button button-danger" onClick={() => setConfirm('delete')}>
              <Trash2 aria-hidden size={16} />
              {t('boardHistory.remove.button')}
            </button>
          )}
        </div>
      )}
      {confirm === 'revert' && (
        <ConfirmDialog
          title={t('boardHistory.revertDialog.title', { time })}
          confirm={t('boardHistory.revertDialog.confirm')}
          onConfirm={() => void revertBoard(version.id, time)}
          onClose={() => setConfirm(null)}
        >
          <p>{t('boardHistory.revertDialog.body', { time })}</p>
        </ConfirmDialog>
      )}
      {confirm === 'delete' && (
        <ConfirmDialog
          title={t('boardHistory.remove.title', { title })}
          confirm={t('boardHistory.remove.confirm')}
          onConfirm={() => {
            // This item goes away: a keyboard user goes on from its neighbour, not from the page's top.
            const li = item.current;
            const next = (li?.nextElementSibling ?? li?.previousElementSibling)?.querySelector<HTMLElement>('.history-item-head');
            void deleteCheckpoint(version.id, title).then(() => {
              if (next?.isConnected && !li?.isConnected) next.focus();
            });
          }}
          onClose={() => setConfirm(null)}
        >
          <p>{t('boardHistory.remove.body', { time })}</p>
        </ConfirmDialog>
      )}
    </li>
  );
}
