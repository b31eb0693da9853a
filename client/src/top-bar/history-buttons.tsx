import { Redo2, Undo2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { redo, undo } from '../sync/actions';
import { useSession } from '../store/session-store';

export function HistoryButtons() {
  const { t } = useTranslation();
  const canUndo = useSession((s) => s.canUndo);
  const canRedo = useSession((s) => s.canRedo);
  const mac = /Mac|iPhone|iPad/.test(navigator.platform);
  return (
    <div className="toolbar-group">
      <button type="button" className="icon-button" aria-label={t('history.undo')} title={`${t('history.undo')} (${mac ? '⌘' : 'Ctrl+'}Z)`} disabled={!canUndo} onClick={undo}>
        <Undo2 aria-hidden size={18} />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={t('history.redo')}
        title={`${t('history.redo')} (${mac ? '⇧⌘Z' : 'Ctrl+Y'})`}
        disabled={!canRedo}
        onClick={redo}
      >
        <Redo2 aria-hidden size={18} />
      </button>
    </div>
  );
}
