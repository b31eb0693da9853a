import { useMemo } from 'react';
import { Check, CircleDashed, CircleHelp, MoveHorizontal } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { momentsCheck, type MomentCheck } from '../../../shared/insights/moments-check';
import { MOMENT_ICONS } from '../journey/moment-marker';
import { CardLink } from './card-link';
import { InsightFrame } from './insight-frame';
import type { InsightSectionProps } from './sections';
import { useInsightBoard } from './use-insight-board';

const STATUS_ICONS = { ok: Check, missing: CircleDashed, misplaced: MoveHorizontal, unknown: CircleHelp } as const;

/** Each key moment: on the map or missing, in the method's place or not, and why it matters. */
export function MomentsCheckSection({ mode }: InsightSectionProps) {
  const { t } = useTranslation();
  const board = useInsightBoard();
  const checks = useMemo(() => momentsCheck(board), [board]);
  const inPlace = checks.filter((c) => c.status === 'ok').length;
  return (
    <InsightFrame id="moments" title={t('insights.moments.title')} mode={mode}>
      {mode === 'panel' && <p className="hint">{t('insights.moments.intro')}</p>}
      <p className="moments-summary-line" data-in-place={inPlace}>
        {t('insights.moments.summary', { count: inPlace })}
      </p>
      <ul className="moments-check">
        {checks.map((c) => (
          <MomentRow key={c.moment} check={c} mode={mode} />
        ))}
      </ul>
    </InsightFrame>
  );
}

function MomentRow({ check, mode }: { check: MomentCheck; mode: InsightSectionProps['mode'] }) {
  const { t } = useTranslation();
  const { moment, status, places, passage } = check;
  const Icon = MOMENT_ICONS[moment];
  const StatusIcon = STATUS_ICONS[status];
  const name = t(`journey.moments.${moment}.name`);
  const misplaced = places.find((p) => p.placement === 'early' || p.placement === 'late');
  const stages = [...new Set(places.map((p) => p.stage.title))].join(', ');
  return (
    <li className={`moment-check is-${status} moment-${moment}`} data-moment={moment} data-status={status}>
      <CardLink mode={mode} insightKey={`moments:${moment}`} ids={places.map((p) => p.cardId)} className="moment-check-main">
        <span className="moment-check-name">
          <Icon aria-hidden className="moment-check-icon" />
          {name}
        </span>
        <span className="moment-check-status">
          <StatusIcon aria-hidden />
          {t(`insights.moments.status.${status}`)}
        </span>
      </CardLink>
      <p className="moment-check-detail">
        {places.length > 0 && <span>{t('insights.moments.at', { stages })} </span>}
        {status === 'missing' && t('insights.moments.missingHint', { where: t(`journey.moments.${moment}.where`) })}
        {status === 'unknown' && t('insights.moments.unknownHint', { where: t(`journey.moments.${moment}.where`) })}
        {misplaced && passage && t(`insights.moments.why.${moment}.${misplaced.placement as 'early' | 'late'}`, { from: passage.from.title, to: passage.to.title })}
      </p>
    </li>
  );
}
