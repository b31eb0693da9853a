import i18next from 'i18next';
import { boardStore } from '../store/board-store';
import { uiStore } from '../store/ui-store';
import { CSV_COLUMNS, type CsvOptions } from '../../../shared/export/cards-csv';
import { backupText, cardsCsvText } from '../sync/export-data';
import { boardI18n } from './board-language';
import { downloadBlob } from './download';
import { embeddedFontCss } from './embedded-font';
import { exportStore, setExport, type ImageFormat } from './export-store';
import { exportFileName } from './file-name';
import { BlankImageError, renderImage, UnreadableImageError } from './render-image';
import { planSheet, type ExportScope } from './sheet-plan';

/** What the Export menu and dialog do. Errors end up in the store, shown as an alert. */

const t = i18next.t.bind(i18next);

function message(err: unknown): string {
  if (err instanceof BlankImageError) return t('export.blank');
  if (err instanceof UnreadableImageError) return t('export.unreadable');
  if (err instanceof Error && err.message) return err.message;
  return String(err);
}

/** The scope chosen in the dialog (`planSheet` says whether it can be drawn: a stage, a selection). */
export function chosenScope(): ExportScope {
  const s = exportStore.getState();
  const board = boardStore.getState();
  if (s.scopeKind === 'stage') return { kind: 'stage', stageId: s.stageId && board.stages.some((x) => x.id === s.stageId) ? s.stageId : (board.stages[0]?.id ?? '') };
  if (s.scopeKind === 'selection') {
    const id = uiStore.getState().selectedId;
    return { kind: 'selection', ids: id ? [id] : [] };
  }
  return { kind: 'map' };
}

export async function exportImage(format: ImageFormat): Promise<void> {
  const s = exportStore.getState();
  if (s.busy) return;
  const board = boardStore.getState();
  const plan = board.stages.length > 0 ? planSheet(board, chosenScope()) : null;
  if (!plan) {
    setExport({ outcome: null, failure: { kind: 'image', reason: t(board.stages.length ? 'export.image.noSelection' : 'export.noBoard') } });
    return;
  }
  setExport({ busy: 'preparing', outcome: null, failure: null });
  const date = new Date();
  const { title, locale } = board.meta;
  try {
    const result = await renderImage(
      { plan, title, locale, date, legend: s.legend && plan.scope !== 'selection' },
      format,
      format === 'png' ? s.ratio : 1,
      (step) => setExport({ busy: step }),
    );
    const part = plan.scope === 'stage' ? plan.stageTitle : plan.scope === 'selection' ? boardI18n(locale).t('export.fileSelection') : undefined;
    const file = exportFileName(title, date, format, part);
    downloadBlob(result.blob, file);
    setExport({
      busy: null,
      outcome: {
        kind: 'image',
        file,
        width: result.width,
        height: result.height,
        ratio: result.ratio,
        requestedRatio: result.requestedRatio,
        scaled: result.scaled,
        retried: result.retried,
        limit: result.limit,
      },
    });
  } catch (err) {
    console.error('export failed', err);
    setExport({ busy: null, failure: { kind: 'image', reason: message(err) } });
  }
}

function saveText(text: string | null, ext: string, type: string, part?: string): void {
  if (text === null) {
    setExport({ outcome: null, failure: { kind: 'data', reason: t('export.noBoard') } });
    return;
  }
  try {
    const file = exportFileName(boardStore.getState().meta.title, new Date(), ext, part);
    downloadBlob(new Blob([text], { type }), file);
    setExport({ outcome: { kind: 'file', file }, failure: null });
  } catch (err) {
    setExport({ outcome: null, failure: { kind: 'data', reason: message(err) } });
  }
}

/** The whole board as a backup file (docs/backup-format.md). */
export function exportBackup(): void {
  saveText(backupText(), 'json', 'application/json', 'backup');
}

/**
 * The cards for spreadsheets: ';' and Italian headings in the Italian interface, ',' in the English one
 * (the reader's spreadsheet conventions); the kind words are in the board's language.
 */
export function exportCsv(): void {
  const italian = i18next.language?.startsWith('it');
  const headings = Object.fromEntries(CSV_COLUMNS.map((k) => [k, t(`export.csv.${k}`)])) as CsvOptions['headings'];
  saveText(cardsCsvText({ separator: italian ? ';' : ',', headings }), 'csv', 'text/csv;charset=utf-8');
}

export function openImageDialog(format: ImageFormat): void {
  setExport({ dialog: format, outcome: null, failure: null });
  // The PNG embeds the font: read it while the person picks the options.
  if (format === 'png') void embeddedFontCss();
}

export function closeImageDialog(): void {
  // An export still running reports under the Export button when it ends.
  setExport(exportStore.getState().busy ? { dialog: null } : { dialog: null, outcome: null, failure: null });
}

export function openReport(): void {
  setExport({ reportOpen: true, outcome: null, failure: null });
}

export function closeReport(): void {
  setExport({ reportOpen: false });
}
