import { useTranslation } from 'react-i18next';
import { InsightFrame } from './insight-frame';
import type { InsightSectionProps } from './sections';

export function MomentsCheckSection({ mode }: InsightSectionProps) {
  const { t } = useTranslation();
  return (
    <InsightFrame id="moments" title={t('insights.moments.title')} mode={mode}>
      <p className="hint">{t('insights.moments.intro')}</p>
    </InsightFrame>
  );
}
