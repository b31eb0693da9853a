import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Backup } from '../../../shared/backup/backup-schema';
import type { VersionEntry } from '../../../shared/history/version-types';
import { StaticMap } from '../export/static-map';
import { planSheet, type BoardContent } from '../export/sheet-plan';
import { contentOf } from '../history/board-content';
import { ensureFile } from '../history/history-actions';
import { listVersions } from '../history/history-api';
import { pickFrames } from '../history/replay-frames';
import { checkpointTime } from '../history/version-words';
import { FitBox } from './fit-box';

/** Checkpoints shown besides the map as it is now: four snapshots in all. */
const SNAPSHOTS = 3;

type Loaded = { status: 'loading' | 'error' } | { status: 'ready'; shots: Array<{ at: number; content: BoardContent }> };

/**
 * "How the map grew": three checkpoints spread over the workshop (the first, the last and one between)
 * and the map when the report was made, each small with its time, so the client sees the map grow.
 */
export function MapGrowthSection({ board, date }: { board: BoardContent; date: Date }) {
  const { t, i18n } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  useEffect(() => {
    let stop = false;
    const load = async () => {
      const versions: VersionEntry[] = await listVersions();
      const picked = pickFrames(versions.filter((v) => v.at < date.getTime()), SNAPSHOTS);
      const files = await Promise.all(picked.map((v) => ensureFile(v.id)));
      if (files.some((f) => !f)) throw new Error('checkpoint missing');
      return picked.map((v, i) => ({ at: v.at, content: contentOf((files[i] as Backup).board) }));
    };
    load().then(
      (shots) => !stop && setLoaded({ status: 'ready', shots }),
      () => !stop && setLoaded({ status: 'error' }),
    );
    return () => {
      stop = true;
    };
  }, [date]);
  const language = i18n.language ?? 'en';
  return (
    <section className="report-flow report-growth">
      <h2 className="report-h2">{t('boardHistory.report.title')}</h2>
      {loaded.status !== 'ready' ? (
        <p className="report-muted">{loaded.status === 'loading' ? t('boardHistory.report.loading') : t('boardHistory.report.failed')}</p>
      ) : loaded.shots.length === 0 ? (
        <p className="report-muted">{t('boardHistory.report.none')}</p>
      ) : (
        <div className="report-growth-grid">
          {loaded.shots.map((s) => (
            <Snapshot key={s.at} content={s.content} caption={t('boardHistory.report.at', { time: checkpointTime(s.at, language, date.getTime()) })} />
          ))}
          <Snapshot content={board} caption={t('boardHistory.report.now', { time: checkpointTime(date.getTime(), language, date.getTime()) })} />
        </div>
      )}
    </section>
  );
}

function Snapshot({ content, caption }: { content: BoardContent; caption: string }) {
  const { t } = useTranslation();
  const plan = useMemo(() => planSheet(content, { kind: 'map' }), [content]);
  const cards = t('boardHistory.cards', { count: Object.keys(content.cards).length });
  return (
    <div className="report-growth-shot">
      {plan && (
        <FitBox maxHeight={190} label={`${caption}: ${cards}`}>
          <StaticMap plan={plan} />
        </FitBox>
      )}
      <p className="report-growth-caption">
        <strong>{caption}</strong> · {cards}
      </p>
    </div>
  );
}
