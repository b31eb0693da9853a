import type { ReactNode } from 'react';
import { Braces, ChartNoAxesColumn, Check, FileImage, FileText, History, Image, LayoutTemplate, MoreHorizontal, Redo2, Share2, Sheet, Undo2, UsersRound } from 'lucide-react';
import { openPersonas } from '../personas/persona-actions';
import { useTranslation } from 'react-i18next';
import { exportBackup, exportCsv, openImageDialog, openReport } from '../export/export-actions';
import { UI_LANGUAGES } from '../i18n/detect-language';
import { setUiLanguage } from '../i18n/i18n';
import { useBoard } from '../store/board-store';
import { useCanEdit, useSession } from '../store/session-store';
import { openDialog } from '../store/ui-store';
import { setInsightsOpen } from '../insights/insights-store';
import { setHistoryOpen } from '../history/history-actions';
import { usePhone } from '../ui/phone';
import { redo, undo } from '../sync/actions';
import { useMenuButton } from '../ui/use-menu-button';
import { saveAsTemplate } from '../templates/save-template';

const EXPORTS = [
  { id: 'png', icon: Image, run: () => openImageDialog('png') },
  { id: 'svg', icon: FileImage, run: () => openImageDialog('svg') },
  { id: 'json', icon: Braces, run: exportBackup },
  { id: 'csv', icon: Sheet, run: exportCsv },
  { id: 'report', icon: FileText, run: openReport },
] as const;

/**
 * "More actions" (⋯): below 1280 px the top bar has no room for undo/redo, Personas, the Export menu
 * and the language switch, so they move here (top-bar.css shows one or the other); on a phone Share,
 * Insights and History move here too (ui/phone.ts), after the board's whole title. A WAI-ARIA menu
 * button (ui/use-menu-button.ts).
 */
export function OverflowMenu() {
  const { t, i18n } = useTranslation();
  const canEdit = useCanEdit();
  const canUndo = useSession((s) => s.canUndo);
  const canRedo = useSession((s) => s.canRedo);
  const canExport = useBoard((s) => s.stages.length > 0);
  const facilitator = useSession((s) => s.role === 'facilitator');
  const title = useBoard((s) => s.meta.title);
  const role = useSession((s) => s.role);
  const phone = usePhone();
  const { open, root, close: closeMenu, buttonProps, menuProps } = useMenuButton<HTMLDivElement>();
  // Back on the button first: dialogs opened from here return focus to it when they close.
  const run = (action: () => void) => () => {
    closeMenu(true);
    action();
  };

  return (
    <div className="overflow-menu" ref={root}>
      <button {...buttonProps} type="button" className="icon-button overflow-button" aria-label={t('topBar.more')} title={t('topBar.more')}>
        <MoreHorizontal aria-hidden size={20} />
      </button>
      {open && (
        <div className="overflow-menu-list" {...menuProps}>
          {/* On a phone the top bar cuts a long title after three lines, and a tooltip needs a mouse:
              the whole title heads this menu (top-bar.css shows it below 720 px). */}
          {title && (
            <div role="group" aria-label={title} className="overflow-menu-group overflow-menu-board">
              <div className="overflow-menu-title" aria-hidden>
                {title}
              </div>
            </div>
          )}
          {phone && (
            <Section label={t('topBar.board')}>
              {role && (
                <Item icon={<Share2 aria-hidden size={16} />} onClick={run(() => openDialog({ kind: 'share' }))}>
                  {t('share.button')}
                </Item>
              )}
              <Item icon={<ChartNoAxesColumn aria-hidden size={16} />} onClick={run(() => setInsightsOpen(true))}>
                {t('insights.button')}
              </Item>
              <Item icon={<History aria-hidden size={16} />} onClick={run(() => setHistoryOpen(true))}>
                {t('boardHistory.button')}
              </Item>
            </Section>
          )}
          {canEdit && (
            <Section label={t('topBar.history')}>
              <Item icon={<Undo2 aria-hidden size={16} />} disabled={!canUndo} onClick={run(undo)}>
                {t('history.undo')}
              </Item>
              <Item icon={<Redo2 aria-hidden size={16} />} disabled={!canRedo} onClick={run(redo)}>
                {t('history.redo')}
              </Item>
            </Section>
          )}
          {/* Below 1280 px the top bar's Personas button moves here. */}
          <Item icon={<UsersRound aria-hidden size={16} />} onClick={run(() => openPersonas())}>
            {t('personas.open')}
          </Item>
          {canExport && (
            <Section label={t('export.menu.button')} heading>
              {EXPORTS.map((item) => (
                <Item key={item.id} icon={<item.icon aria-hidden size={16} />} onClick={run(item.run)}>
                  {t(`export.menu.${item.id}`)}
                </Item>
              ))}
              {facilitator && (
                <Item icon={<LayoutTemplate aria-hidden size={16} />} onClick={run(saveAsTemplate)}>
                  {t('templates.save.menu')}
                </Item>
              )}
            </Section>
          )}
          <Section label={t('language.label')} heading>
            {UI_LANGUAGES.map((lng) => (
              <button
                key={lng}
                type="button"
                role="menuitemradio"
                aria-checked={i18n.language === lng}
                tabIndex={-1}
                lang={lng}
                className="overflow-menu-item"
                onClick={run(() => setUiLanguage(lng))}
              >
                <span className="overflow-menu-icon">{i18n.language === lng && <Check aria-hidden size={16} />}</span>
                {t(`language.${lng}`)}
              </button>
            ))}
          </Section>
        </div>
      )}
    </div>
  );
}

function Section({ label, heading, children }: { label: string; heading?: boolean; children: ReactNode }) {
  return (
    <div role="group" aria-label={label} className="overflow-menu-group">
      {heading && (
        <div className="overflow-menu-heading" aria-hidden>
          {label}
        </div>
      )}
      {children}
    </div>
  );
}

function Item({ icon, disabled, onClick, children }: { icon: ReactNode; disabled?: boolean; onClick: () => void; children: ReactNode }) {
  return (
    // aria-disabled, not disabled: a disabled item stays reachable by the arrow keys and says why it is there.
    <button type="button" role="menuitem" tabIndex={-1} aria-disabled={disabled || undefined} className="overflow-menu-item" onClick={disabled ? undefined : onClick}>
      <span className="overflow-menu-icon">{icon}</span>
      {children}
    </button>
  );
}
