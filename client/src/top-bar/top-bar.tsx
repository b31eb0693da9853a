import { Eye, Share2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useBoard } from '../store/board-store';
import { useCanEdit, useSession } from '../store/session-store';
import { openDialog } from '../store/ui-store';
import { AppLink } from '../ui/app-link';
import { LanguageSelect } from '../ui/language-select';
import { MomentsIndicator } from '../journey/moments-indicator';
import { FacilitationButton } from '../facilitation/facilitation-panel';
import { ExportMenu } from '../export/export-menu';
import { InsightsButton } from '../insights/insights-panel';
import { HistoryButton } from '../history/history-panel';
import { PersonasButton } from '../personas/persona-chip';
import { ConnectionBadge } from './connection-badge';
import { HistoryButtons } from './history-buttons';
import { OverflowMenu } from './overflow-menu';
import { PeopleOnline } from './people-online';
import './top-bar.css';

/**
 * The board's top bar. At 1280 px and wider everything is in it; below, undo/redo, Export and the
 * language move into "More actions" (overflow-menu.tsx). The title gives way first (ellipsis, the
 * full title in its tooltip); the three moments never shrink.
 */
export function TopBar() {
  const { t } = useTranslation();
  const title = useBoard((s) => s.meta.title);
  const canEdit = useCanEdit();
  const role = useSession((s) => s.role);
  const readOnly = useSession((s) => s.readOnly || s.role === 'viewer');
  return (
    <header className="top-bar">
      <AppLink href="/" className="top-bar-home" aria-label={t('app.home')} title={t('app.home')}>
        <img src="/favicon.svg" alt="" width={28} height={28} />
      </AppLink>
      <h1 className="board-title" title={title}>
        {title}
      </h1>
      {readOnly && (
        <span className="badge view-only-badge">
          <Eye aria-hidden size={14} />
          {t('board.viewOnly')}
        </span>
      )}
      <div className="top-bar-spacer" />
      <MomentsIndicator />
      <ConnectionBadge />
      <PeopleOnline />
      {canEdit && (
        <div className="top-bar-wide">
          <HistoryButtons />
        </div>
      )}
      {role && (
        <div className="top-bar-wide">
          <PersonasButton />
        </div>
      )}
      <InsightsButton />
      <HistoryButton />
      <FacilitationButton />
      {role && (
        <button type="button" className="button share-button" onClick={() => openDialog({ kind: 'share' })} aria-label={t('share.button')}>
          <Share2 aria-hidden size={16} />
          <span className="share-label">{t('share.button')}</span>
        </button>
      )}
      <ExportMenu />
      <div className="top-bar-language top-bar-wide">
        <LanguageSelect />
      </div>
      <OverflowMenu />
    </header>
  );
}
