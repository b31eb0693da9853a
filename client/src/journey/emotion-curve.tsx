import { memo, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { curveTextAlternative } from '../../../shared/decks/emotion-curve';
import { useBoard } from '../store/board-store';
import { EmotionCurveSvg } from './emotion-curve-svg';
import { useEmotionCurve } from './use-emotion-curve';
import { usePersonaCurves } from '../personas/use-persona-curves';

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
  const all = useEmotionCurve();
  // Filtered to a persona: that persona's curve in its colour; else the board's, with personas compared.
  const personas = usePersonaCurves();
  const points = personas.filtered?.points ?? all;
  const descId = useId();
  const sep = i18n.language?.startsWith('it') ? ',' : '.';
  const words = { noData: t('journey.curve.noData'), decimalSeparator: sep };
  // Compared personas are described too, each after the board's own curve.
  const description = [curveTextAlternative(points, words), ...personas.overlays.map((o) => `${t('personas.curveOf', { name: o.name })}: ${curveTextAlternative(o.points, words)}`)].join('. ');
  if (layout.columns.length === 0) return null;
  return (
    <EmotionCurveSvg
      layout={layout}
      points={points}
      label={personas.filtered ? t('personas.curveOf', { name: personas.filtered.name }) : t('journey.curve.name')}
      description={{ id: descId, text: description }}
      color={personas.filtered?.color}
      overlays={personas.overlays}
      legend={t('personas.legend')}
    />
  );
});
