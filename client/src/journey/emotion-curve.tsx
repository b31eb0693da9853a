import { memo, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { curveTextAlternative } from '../../../shared/decks/emotion-curve';
import { useBoard } from '../store/board-store';
import { EmotionCurveSvg } from './emotion-curve-svg';
import { useEmotionCurve } from './use-emotion-curve';

/**
 * The emotion curve, drawn in board units inside the board layer so it pans and zooms with the map: a
 * strip above the stage headers with one point per stage column at the median valence, a band from the
 * lowest to the highest, and a break (marked "no data") where a stage has no emotion cards. For
 * assistive technology it is one image named "Emotion curve" whose description lists every stage with
 * its median, the same words in every language the interface speaks.
 */
export const EmotionCurve = memo(function EmotionCurve() {
  const { t, i18n } = useTranslation();
  const layout = useBoard((s) => s.layout);
  const points = useEmotionCurve();
  const descId = useId();
  const sep = i18n.language?.startsWith('it') ? ',' : '.';
  const description = curveTextAlternative(points, { noData: t('journey.curve.noData'), decimalSeparator: sep });
  if (layout.columns.length === 0) return null;
  return <EmotionCurveSvg layout={layout} points={points} label={t('journey.curve.name')} description={{ id: descId, text: description }} />;
});
