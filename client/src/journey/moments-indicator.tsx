import { useId, useMemo } from 'react';
import { Check, Circle } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useBoard } from '../store/board-store';
import { MOMENT_ICONS } from './moment-marker';
import { mappedCount, momentsOnBoard } from './moments';
import './moments-indicator.css';

/**
 * Which of the three key moments are on the map: a compact strip for the top bar. Each moment is a chip
 * that reads "Trigger moment: on the map, in Purchase" or "Medal moment: missing", so the facilitator
 * sees what the team still has to place. The whole strip is a group with a "2 of 3 mapped" summary.
 */
export function MomentsIndicator() {
  const { t } = useTranslation();
  const stages = useBoard((s) => s.stages);
  const lanes = useBoard((s) => s.lanes);
  const cards = useBoard((s) => s.cards);
  const summaryId = useId();
  const presence = useMemo(() => momentsOnBoard(stages, lanes, Object.values(cards)), [stages, lanes, cards]);
  const count = mappedCount(presence);

  return (
    <div className="moments-indicator" role="group" aria-label={t('journey.moments.indicator.label')} aria-describedby={summaryId}>
      <span id={summaryId} className="moments-summary">
        {t('journey.moments.indicator.summary', { count })}
      </span>
      <ul className="moments-chips">
        {presence.map(({ moment, stages: where }) => {
          const Icon = MOMENT_ICONS[moment];
          const name = t(`journey.moments.${moment}.name`);
          const mapped = where.length > 0;
          const text = mapped
            ? t('journey.moments.indicator.mapped', { name, stages: where.map((s) => s.title).join(', ') })
            : t('journey.moments.indicator.missing', { name });
          return (
            <li key={moment} className={`moment-chip moment-${moment}${mapped ? ' is-mapped' : ' is-missing'}`} title={text} data-moment={moment} data-mapped={mapped}>
              <Icon aria-hidden size={15} />
              <span className="sr-only">{text}</span>
              <span aria-hidden className="moment-chip-name">
                {name}
              </span>
              {mapped ? <Check aria-hidden size={14} className="moment-chip-state" /> : <Circle aria-hidden size={12} className="moment-chip-state" />}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
