import { useEffect } from 'react';
import { Braces, ChevronDown, Download, FileImage, FileText, Image, LayoutTemplate, Sheet } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useBoard } from '../store/board-store';
import { useSession } from '../store/session-store';
import { saveAsTemplate } from '../templates/save-template';
import { exportBackup, exportCsv, openImageDialog, openReport } from './export-actions';
import { setExport, useExport } from './export-store';
import { ExportStatus } from './export-status';
import { ImageExportDialog } from './image-dialog';
import { ReportHost } from '../report/report-host';
import { useMenuButton } from '../ui/use-menu-button';
import './export.css';

const ITEMS = [
  { id: 'png', icon: Image, run: () => openImageDialog('png') },
  { id: 'svg', icon: FileImage, run: () => openImageDialog('svg') },
  { id: 'json', icon: Braces, run: exportBackup },
  { id: 'csv', icon: Sheet, run: exportCsv },
  { id: 'report', icon: FileText, run: openReport },
] as const;
/** Facilitators only: the board's content as a template file (templates/save-template.ts). */
const TEMPLATE_ITEM = { id: 'template', icon: LayoutTemplate, run: saveAsTemplate } as const;

/**
 * The top bar's "Export" menu button (WAI-ARIA menu button): PNG image, SVG image, JSON backup, CSV,
 * Report, and for facilitators Save as template. Arrow keys, Home and End move between items, Escape closes and returns to the button
 * (ui/use-menu-button.ts).
 */
export function ExportMenu() {
  const { t } = useTranslation();
  const ready = useBoard((s) => s.stages.length > 0);
  const dialog = useExport((s) => s.dialog);
  const facilitator = useSession((s) => s.role === 'facilitator');
  const items = facilitator ? [...ITEMS, TEMPLATE_ITEM] : ITEMS;
  const { open, root, close, buttonProps, menuProps } = useMenuButton<HTMLUListElement>();

  // A "saved" note under the button fades after a while; errors stay until the next export.
  const outcome = useExport((s) => s.outcome);
  useEffect(() => {
    if (!outcome || dialog) return;
    const timer = setTimeout(() => setExport({ outcome: null }), 8000);
    return () => clearTimeout(timer);
  }, [outcome, dialog]);

  if (!ready) return null;
  return (
    <div className="export-menu" ref={root}>
      <button {...buttonProps} type="button" className="button export-button" aria-label={t('export.menu.button')} title={t('export.menu.button')}>
        <Download aria-hidden size={16} />
        <span className="export-label">{t('export.menu.button')}</span>
        <ChevronDown aria-hidden size={14} />
      </button>
      {open && (
        <ul className="export-menu-list" {...menuProps}>
          {items.map((item) => (
            <li key={item.id} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="export-menu-item"
                onClick={() => {
                  // Back on the button first: dialogs and the report return focus to it when they close.
                  close(true);
                  item.run();
                }}
              >
                <item.icon aria-hidden size={16} />
                {item.id === 'template' ? t('templates.save.menu') : t(`export.menu.${item.id}`)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {/* Data files report here; images inside their dialog (the page behind a modal dialog is inert).
          Always mounted, so screen readers announce what changes in it. */}
      <div className="export-toast" hidden={!!dialog}>
        <ExportStatus />
      </div>
      {dialog && <ImageExportDialog format={dialog} />}
      <ReportHost />
    </div>
  );
}
