import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Braces, ChevronDown, Download, FileImage, FileText, Image, Sheet } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useBoard } from '../store/board-store';
import { exportBackup, exportCsv, openImageDialog, openReport } from './export-actions';
import { setExport, useExport } from './export-store';
import { ExportStatus } from './export-status';
import { ImageExportDialog } from './image-dialog';
import { ReportHost } from '../report/report-host';
import './export.css';

const ITEMS = [
  { id: 'png', icon: Image, run: () => openImageDialog('png') },
  { id: 'svg', icon: FileImage, run: () => openImageDialog('svg') },
  { id: 'json', icon: Braces, run: exportBackup },
  { id: 'csv', icon: Sheet, run: exportCsv },
  { id: 'report', icon: FileText, run: openReport },
] as const;

/**
 * The top bar's "Export" menu button (WAI-ARIA menu button): PNG image, SVG image, JSON backup, CSV,
 * Report. Arrow keys, Home and End move between items, Escape closes and returns to the button.
 */
export function ExportMenu() {
  const { t } = useTranslation();
  const ready = useBoard((s) => s.stages.length > 0);
  const dialog = useExport((s) => s.dialog);
  const [open, setOpen] = useState(false);
  const ids = { button: useId(), menu: useId() };
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const items = useRef<Array<HTMLButtonElement | null>>([]);
  const focusOnOpen = useRef<'first' | 'last'>('first');

  useEffect(() => {
    if (!open) return;
    (focusOnOpen.current === 'first' ? items.current[0] : items.current[ITEMS.length - 1])?.focus();
    const onDown = (e: PointerEvent) => !root.current?.contains(e.target as Node) && setOpen(false);
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  // A "saved" note under the button fades after a while; errors stay until the next export.
  const outcome = useExport((s) => s.outcome);
  useEffect(() => {
    if (!outcome || dialog) return;
    const timer = setTimeout(() => setExport({ outcome: null }), 8000);
    return () => clearTimeout(timer);
  }, [outcome, dialog]);

  const show = (where: 'first' | 'last') => {
    focusOnOpen.current = where;
    setOpen(true);
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  const onButtonKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      show(e.key === 'ArrowDown' ? 'first' : 'last');
    }
  };
  const onMenuKey = (e: KeyboardEvent<HTMLUListElement>) => {
    const list = items.current.filter((x): x is HTMLButtonElement => !!x);
    const i = list.indexOf(document.activeElement as HTMLButtonElement);
    const go = (j: number) => list[(j + list.length) % list.length]?.focus();
    switch (e.key) {
      case 'ArrowDown':
        go(i + 1);
        break;
      case 'ArrowUp':
        go(i - 1);
        break;
      case 'Home':
        go(0);
        break;
      case 'End':
        go(list.length - 1);
        break;
      case 'Escape':
        close(true);
        break;
      case 'Tab':
        setOpen(false);
        return;
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  };

  if (!ready) return null;
  return (
    <div className="export-menu" ref={root}>
      <button
        ref={button}
        id={ids.button}
        type="button"
        className="button export-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? ids.menu : undefined}
        aria-label={t('export.menu.button')}
        title={t('export.menu.button')}
        onClick={() => (open ? close(false) : show('first'))}
        onKeyDown={onButtonKey}
      >
        <Download aria-hidden size={16} />
        <span className="export-label">{t('export.menu.button')}</span>
        <ChevronDown aria-hidden size={14} />
      </button>
      {open && (
        <ul className="export-menu-list" role="menu" id={ids.menu} aria-labelledby={ids.button} onKeyDown={onMenuKey}>
          {ITEMS.map((item, i) => (
            <li key={item.id} role="none">
              <button
                ref={(el) => {
                  items.current[i] = el;
                }}
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
                {t(`export.menu.${item.id}`)}
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
