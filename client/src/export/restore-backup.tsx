import { useId, useState, type ChangeEvent } from 'react';
import { ArchiveRestore } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { CreateBoardResponse } from '../../../shared/protocol';
import { saveBoard } from '../lib/saved-boards';
import { navigate } from '../routing/navigate';
import { boardPath } from '../routing/route';
import './restore-backup.css';

interface Problem {
  path: string;
  message: string;
}
type Failure = { kind: 'invalid'; problems: Problem[] } | { kind: 'tooLarge' } | { kind: 'failed'; reason: string };

/**
 * "Restore a backup" on the home page: the file is checked here with the same schema as the server's
 * (so a broken file gets clear errors and nothing is sent), then POST /api/boards/import creates a new
 * board and the person opens it as its facilitator, remembered like a board they created.
 */
export function RestoreBackup() {
  const { t } = useTranslation();
  const ids = { heading: useId(), file: useId(), intro: useId() };
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setFailure(null);
    try {
      // Loaded on demand: the schema (zod) is not needed to show the home page.
      const [{ parseBackup }, { MAX_BACKUP_BYTES }] = await Promise.all([import('../../../shared/backup/from-backup'), import('../../../shared/backup/backup-schema')]);
      if (file.size > MAX_BACKUP_BYTES) return setFailure({ kind: 'tooLarge' });
      const text = await file.text();
      const parsed = parseBackup(text);
      if (!parsed.ok) return setFailure({ kind: 'invalid', problems: parsed.errors });

      const res = await fetch('/api/boards/import', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: text });
      const body = (await res.json().catch(() => null)) as (CreateBoardResponse & { message?: string; problems?: Problem[] }) | null;
      if (res.status === 413) return setFailure({ kind: 'tooLarge' });
      if (res.status === 400 && body?.problems) return setFailure({ kind: 'invalid', problems: body.problems });
      if (res.status !== 201 || !body?.id || !body.tokens) return setFailure({ kind: 'failed', reason: body?.message || `HTTP ${res.status}` });

      saveBoard({
        id: body.id,
        title: parsed.backup.board.meta.title,
        role: 'facilitator',
        token: body.tokens.facilitator,
        links: body.tokens,
        lastOpened: Date.now(),
      });
      navigate(boardPath(body.id, body.tokens.facilitator));
    } catch (err) {
      setFailure({ kind: 'failed', reason: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
      // The same file can be chosen again after fixing it.
      input.value = '';
    }
  };

  return (
    <section className="panel restore-backup" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t('export.restore.heading')}</h2>
      <p id={ids.intro} className="hint">
        {t('export.restore.intro')}
      </p>
      <div className="restore-field">
        <label htmlFor={ids.file} className="restore-label">
          <ArchiveRestore aria-hidden size={18} />
          {t('export.restore.file')}
        </label>
        <input
          id={ids.file}
          className="restore-input"
          type="file"
          accept=".json,application/json"
          aria-describedby={ids.intro}
          disabled={busy}
          onChange={onFile}
        />
      </div>
      <div role="status" className="restore-status">
        {busy && t('export.restore.restoring')}
      </div>
      <div role="alert">
        {failure && (
          <div className="restore-error">
            <p>
              {failure.kind === 'invalid'
                ? t('export.restore.invalid')
                : failure.kind === 'tooLarge'
                  ? t('export.restore.tooLarge')
                  : t('export.restore.failed', { reason: failure.reason })}
            </p>
            {failure.kind === 'invalid' && failure.problems.length > 0 && (
              <ul className="restore-problems">
                {failure.problems.map((p, i) => (
                  <li key={i}>{t('export.restore.problem', { path: p.path || t('export.restore.root'), message: p.message })}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
