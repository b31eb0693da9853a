import { useTranslation } from 'react-i18next';
import { InsightFrame } from './insight-frame';
import type { InsightSectionProps } from './sections';

export function TruthGapSection({ mode }: InsightSectionProps) {
  const { t } = useTranslation();
  return (
    <InsightFrame id="truth-gap" title={t('insights.truthGap.title')} mode={mode}>
      <p className="hint">{t('insights.truthGap.intro')}</p>
    </InsightFrame>
  );
}
