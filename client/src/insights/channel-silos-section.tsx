import { useTranslation } from 'react-i18next';
import { InsightFrame } from './insight-frame';
import type { InsightSectionProps } from './sections';

export function ChannelSilosSection({ mode }: InsightSectionProps) {
  const { t } = useTranslation();
  return (
    <InsightFrame id="silos" title={t('insights.silos.title')} mode={mode}>
      <p className="hint">{t('insights.silos.intro')}</p>
    </InsightFrame>
  );
}
