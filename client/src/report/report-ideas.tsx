import { useTranslation } from 'react-i18next';
import type { CardData } from '../../../shared/doc/schema';
import type { BoardState } from '../store/board-store';
import type { ReportModel } from './report-model';

/** The ideas, ranked by the revealed vote's dots (or listed, with why there is no ranking). */
export function Ideas({ model, board }: { model: ReportModel; board: Omit<BoardState, 'layout'> }) {
  const { t } = useTranslation();
  const { state, items } = model.ideas;
  const where = (c: CardData) => {
    const s = board.stages.find((x) => x.id === c.stage)?.title ?? c.stage;
    const l = board.lanes.find((x) => x.id === c.lane)?.title ?? c.lane;
    return `${s} · ${l}`;
  };
  if (items.length === 0) return <p className="report-muted">{t('export.report.ideasNone')}</p>;
  return (
    <>
      {state !== 'ranked' && <p className="report-muted">{t(state === 'hidden' ? 'export.report.ideasHidden' : 'export.report.ideasNoVote')}</p>}
      <table className="report-table">
        <thead>
          <tr>
            {state === 'ranked' && <th scope="col">{t('export.report.rank')}</th>}
            <th scope="col">{t('export.report.idea')}</th>
            <th scope="col">{t('export.report.where')}</th>
            {state === 'ranked' && <th scope="col">{t('export.report.votes')}</th>}
          </tr>
        </thead>
        <tbody>
          {items.map(({ card, rank, dots }) => (
            <tr key={card.id}>
              {state === 'ranked' && <td className="report-num">{rank}</td>}
              <td dir="auto">{card.text.trim() || '—'}</td>
              <td>{where(card)}</td>
              {state === 'ranked' && <td className="report-num">{t('export.report.dots', { count: dots ?? 0 })}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
