import { useEffect, useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { ArchiveRestore } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { Backup } from '../../../shared/backup/backup-schema';
import type { BackupProblem } from '../../../shared/backup/from-backup';
import type { BackupSummary } from '../../../shared/backup/fresh-workshop';
import { MAX_TITLE_LENGTH } from '../../../shared/doc/schema';
import type { CreateBoardResponse } from '../../../shared/protocol';
import { saveBoard } from '../lib/saved-boards';
import { navigate } from '../routing/navigate';
import { boardPath } from '../routing/route';
import { Modal } from '../ui/modal';
import { problemText } from './backup-problem';
import './restore-backup.css';

type Failure = { kind: 'invalid'; problems: BackupProblem[] } | { kind: 'deck' } | { kind: 'tooLarge' } | { kind: 'failed'; reason: string };

interface Pending {
  backup: Backup;
  summary: BackupSummary;
  defaultTitle: string;
}

/** Loaded on demand: the schema (zod) is not needed to show the home page. */
const loadBackupCode = () =>
  Promise.all([import('../../../shared/backup/from-backup'), import('../../../shared/backup/backup-schema'), import('../../../shared/backup/fresh-workshop')]);

/**
 * "Restore a backup" on the home page. The file is checked here with the same schema as the server's
 * (a broken file gets clear errors and nothing is sent; a deck file is sent to the Decks panel), then a
 * confirm step shows what will be created and lets the person name the new board. Confirming sends the
 * backup made into a fresh workshop (shared/backup/fresh-workshop.ts: no old timer or agenda step, the
 * vote as a closed result) to POST /api/boards/import, and opens the new board as its facilitator,
 * remembered like a board they created.
 */
export function RestoreBackup() {
  const { t, i18n } = useTranslation();
  const ids = { heading: useId(), file: useId(), intro: useId() };
  const [busy, setBusy] = useState<'reading' | 'restoring' | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setBusy('reading');
    setFailure(null);
    try {
      const [{ parseBackup }, { MAX_BACKUP_BYTES }, { backupSummary, restoredTitle }] = await loadBackupCode();
      if (file.size > MAX_BACKUP_BYTES) return setFailure({ kind: 'tooLarge' });
      const parsed = parseBackup(await file.text());
      if (!parsed.ok) return setFailure(parsed.deckFile ? { kind: 'deck' } : { kind: 'invalid', problems: parsed.errors });
      const summary = backupSummary(parsed.backup);
      const reader = i18n.language?.startsWith('it') ? 'it' : 'en';
      setPending({ backup: parsed.backup, summary, defaultTitle: restoredTitle(summary.title, reader, new Date()) });
    } catch (err) {
      setFailure({ kind: 'failed', reason: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(null);
      // The same file can be chosen again after fixing it.
      input.value = '';
    }
  };

  const restore = async (p: Pending, title: string) => {
    setPending(null);
    setBusy('restoring');
    setFailure(null);
    try {
      const [, , { freshWorkshop }] = await loadBackupCode();
      const backup = freshWorkshop(p.backup, title);
      const res = await fetch('/api/boards/import', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(backup) });
      const body = (await res.json().catch(() => null)) as (CreateBoardResponse & { message?: string; problems?: BackupProblem[] }) | null;
      if (res.status === 413) return setFailure({ kind: 'tooLarge' });
      if (res.status === 400 && body?.problems) return setFailure({ kind: 'invalid', problems: body.problems });
      if (res.status !== 201 || !body?.id || !body.tokens) return setFailure({ kind: 'failed', reason: body?.message || `HTTP ${res.status}` });
      saveBoard({
        id: body.id,
        title: backup.board.meta.title,
        role: 'facilitator',
        token: body.tokens.facilitator,
        links: body.tokens,
        lastOpened: Date.now(),
      });
      navigate(boardPath(body.id, body.tokens.facilitator));
    } catch (err) {
      setFailure({ kind: 'failed', reason: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(null);
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
          disabled={busy !== null}
          onChange={onFile}
        />
      </div>
      <div role="status" className="restore-status">
        {busy && t(busy === 'reading' ? 'export.restore.reading' : 'export.restore.restoring')}
      </div>
      <div role="alert">{failure && <RestoreFailure failure={failure} />}</div>
      {pending && <ConfirmRestore pending={pending} onCancel={() => setPending(null)} onConfirm={(title) => void restore(pending, title)} />}
    </section>
  );
}

function RestoreFailure({ failure }: { failure: Failure }) {
  const { t } = useTranslation();
  if (failure.kind === 'deck') return <p className="restore-error">{t('export.restore.deckFile')}</p>;
  return (
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
            <li key={i}>{problemText(p, t)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The confirm step: what the restore will create, and the new board's title (editable). */
function ConfirmRestore({ pending, onCancel, onConfirm }: { pending: Pending; onCancel: () => void; onConfirm: (title: string) => void }) {
  const { t, i18n } = useTranslation();
  const ids = { title: useId(), fresh: useId() };
  const [title, setTitle] = useState(pending.defaultTitle);
  const field = useRef<HTMLInputElement>(null);
  // After the modal opened (its effect runs first, and showModal focuses the close button): the title
  // is what the person is most likely to change.
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, []);
  const { summary } = pending;
  const reader = i18n.language?.startsWith('it') ? 'it' : 'en';
  const empty = title.trim() === '';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!empty) onConfirm(title);
  };
  return (
    <Modal title={t('export.restore.confirmTitle')} onClose={onCancel} className="restore-confirm">
      <form onSubmit={submit} className="restore-confirm-form">
        <p>{t('export.restore.from', { title: summary.title, language: t(`export.restore.language.${summary.locale}`) })}</p>
        <div className="field">
          <label htmlFor={ids.title}>{t('export.restore.newTitle')}</label>
          <input
            id={ids.title}
            className="input"
            value={title}
            maxLength={MAX_TITLE_LENGTH}
            required
            aria-invalid={empty || undefined}
            aria-describedby={ids.fresh}
            ref={field}
            onChange={(e) => setTitle(e.target.value)}
          />
        </div>
        <dl className="restore-what">
          <div>
            <dt>{t('export.restore.stages')}</dt>
            <dd>
              {summary.stages.length} <span className="restore-list">({summary.stages.join(', ')})</span>
            </dd>
          </div>
          <div>
            <dt>{t('export.restore.lanes')}</dt>
            <dd>{summary.lanes}</dd>
          </div>
          <div>
            <dt>{t('export.restore.cards')}</dt>
            <dd>{summary.cards}</dd>
          </div>
          <div>
            <dt>{t('export.restore.decks')}</dt>
            <dd>{summary.decks.length === 0 ? t('export.restore.noDecks') : summary.decks.map((d) => d.title[reader]).join(', ')}</dd>
          </div>
        </dl>
        <p id={ids.fresh} className="hint">
          {t(summary.vote ? 'export.restore.freshWithVote' : 'export.restore.fresh')}
        </p>
        <div className="modal-actions">
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={empty}>
            {t('export.restore.create')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
