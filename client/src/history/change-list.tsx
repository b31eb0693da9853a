import { useTranslation } from 'react-i18next';
import type { BoardChanges } from '../../../shared/history/board-changes';
import { axisSentence, changeSentence, type Translate } from './change-words';

/** "What changed since", in words: the counts, then the changes stage by stage, then stages and lanes. */
export function ChangeList({ changes }: { changes: BoardChanges }) {
  const { t, i18n } = useTranslation();
  const tr = t as unknown as Translate;
  const sep = i18n.language?.startsWith('it') ? ',' : '.';
  if (changes.total === 0 && changes.axes.length === 0) return <p className="history-muted">{t('boardHistory.compare.nothing')}</p>;
  return (
    <div className="history-changes">
      <p className="history-counts">{t('boardHistory.compare.counts', changes.counts)}</p>
      {changes.stages.map((s) => (
        <section key={s.stageId ?? ''} className="history-change-stage">
          <h4>{s.stageId === null ? t('boardHistory.compare.unplaced') : s.title}</h4>
          <ul>
            {s.changes.map((c) => (
              <li key={c.id} className={`history-change is-${c.change}`} data-change-card={c.id}>
                <span className="history-change-dot" aria-hidden />
                <span dir="auto">{changeSentence(c, tr, sep)}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {changes.axes.length > 0 && (
        <section className="history-change-stage">
          <h4>{t('boardHistory.compare.board')}</h4>
          <ul>
            {changes.axes.map((a) => (
              <li key={`${a.axis}/${a.id}/${a.change}`} className="history-change is-axis">
                <span className="history-change-dot" aria-hidden />
                <span dir="auto">{axisSentence(a, tr)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
