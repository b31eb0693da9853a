import { useTranslation } from 'react-i18next';
import { InsightsBody } from './insights-panel';
import './insights.css';

/**
 * The report's Insights page: every section as the panel shows it, in the board's language (the report
 * wraps its document in the board's translator), without the links and toggles.
 */
export function InsightsReportPage() {
  const { t } = useTranslation();
  return (
    <section className="report-page report-insights" aria-labelledby="report-insights-title">
      <h2 id="report-insights-title" className="report-h2">
        {t('insights.report.title')}
      </h2>
      <div className="report-insights-body">
        <InsightsBody mode="report" />
      </div>
    </section>
  );
}
