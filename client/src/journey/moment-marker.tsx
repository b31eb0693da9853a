import { useEffect, useRef, useState } from 'react';
import { Crosshair, Medal, Scale, type LucideIcon } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { CardData } from '../../../shared/doc/schema';
import { cardMetrics, momentTitle } from '../../../shared/card-layout/card-metrics';
import { MomentTooltip } from './moment-tooltip';
import type { MomentId } from './moments';
import './moment-marker.css';

export const MOMENT_ICONS: Record<MomentId, LucideIcon> = { trigger: Crosshair, truth: Scale, medal: Medal };

/** Id of the hidden explanation of a moment marker, for the card's aria-describedby. */
export const momentDescriptionId = (cardId: string) => `moment-desc-${cardId}`;

/**
 * A key moment on the map: a pennant, not a sticky note, so the team sees at a glance where the
 * decision, the moment of truth and the medal happen. Its first line is the card's text (the board's
 * language); the kicker and the tooltip explain the moment in the reader's language. The tooltip says
 * plainly that the Trigger moment is the decision, not the first stimulus.
 */
export function MomentMarker({ card, moment }: { card: CardData; moment: MomentId }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [host, setHost] = useState<HTMLElement | null>(null);
  const Icon = MOMENT_ICONS[moment];
  const name = t(`journey.moments.${moment}.name`);
  const title = momentTitle(card, name);
  // The layout keeps room for four lines of title; a longer one ends in "…" (the card's tooltip has it all).
  const shown = cardMetrics(card).text.truncated && title !== name ? cardMetrics(card).text.text : title;

  // The tooltip follows the whole card element on the map (it takes focus and the pointer). A marker
  // outside the map (the card under the pointer while dealt) has no card element and no tooltip.
  useEffect(() => setHost(ref.current?.closest<HTMLElement>('[data-card-id]') ?? null), []);

  return (
    <div ref={ref} className={`moment-marker moment-${moment}`}>
      <span className="moment-pole" aria-hidden />
      <span className="moment-head">
        <span className="moment-icon" aria-hidden>
          <Icon size={14} strokeWidth={2.5} />
        </span>
        {/* The moment's name in the reader's language, unless the card already says exactly that. */}
        <span className="moment-kicker">{title === name ? t('journey.moments.kicker') : name}</span>
      </span>
      <span className="moment-title" dir="auto">
        {shown}
      </span>
      <span id={momentDescriptionId(card.id)} hidden>
        {t(`journey.moments.${moment}.where`)}. {t(`journey.moments.${moment}.explain`)}
      </span>
      <MomentTooltip host={host} id={`moment-tip-${card.id}`}>
        <strong className="moment-tooltip-title">
          <Icon aria-hidden size={16} /> {name}
        </strong>
        <span className="moment-tooltip-where">{t(`journey.moments.${moment}.where`)}</span>
        <span>{t(`journey.moments.${moment}.explain`)}</span>
      </MomentTooltip>
    </div>
  );
}
