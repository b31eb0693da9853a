import i18next from 'i18next';
import { boardToBackup } from '../../../shared/backup/to-backup';
import { templateFromBoard } from '../../../shared/templates/template-board';
import { downloadBlob } from '../export/download';
import { setExport } from '../export/export-store';
import { exportFileName } from '../export/file-name';
import { activeBoard } from '../sync/connect-board';

/**
 * "Save as template" (Export menu, facilitators): the open board's content as a template file in the
 * backup format, without what belongs to one workshop (shared/templates/template-board.ts says what is
 * left out). The new-board form accepts the file. Reports in the Export menu's status like a backup.
 */
export function saveAsTemplate(): void {
  const b = activeBoard();
  if (!b) return setExport({ outcome: null, failure: { kind: 'data', reason: i18next.t('export.noBoard') } });
  try {
    const now = new Date();
    const template = templateFromBoard(boardToBackup(b.doc, now.getTime()), now.getTime());
    const file = exportFileName(template.board.meta.title, now, 'json', i18next.t('templates.save.filePart'));
    downloadBlob(new Blob([JSON.stringify(template, null, 2)], { type: 'application/json' }), file);
    setExport({ outcome: { kind: 'file', file, template: true }, failure: null });
  } catch (err) {
    setExport({ outcome: null, failure: { kind: 'data', reason: err instanceof Error ? err.message : String(err) } });
  }
}
