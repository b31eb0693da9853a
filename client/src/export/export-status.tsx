import { LoaderCircle } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useExport } from './export-store';

/** Low ratios (under 1×) make small text hard to read: say so and suggest one stage at a time. */
const SMALL_RATIO = 1;

/**
 * How the export goes, for eyes and screen readers: progress and the result in a status region, a
 * failure in an alert. Both regions are always in the page so their changes are announced.
 */
export function ExportStatus() {
  const { t, i18n } = useTranslation();
  const busy = useExport((s) => s.busy);
  const outcome = useExport((s) => s.outcome);
  const failure = useExport((s) => s.failure);
  return (
    <>
      <div className="export-status" role="status">
        {busy && (
          <>
            <span className="export-progress">
              <LoaderCircle aria-hidden size={16} className="spin" />
              {t(`export.progress.${busy}`)}
            </span>
            <progress aria-hidden value={busy === 'preparing' ? 1 : busy === 'drawing' ? 2 : 3} max={4} />
          </>
        )}
        {!busy && outcome?.kind === 'file' && <p className="export-done">{t(outcome.template ? 'templates.save.saved' : 'export.saved', { file: outcome.file })}</p>}
        {!busy && outcome?.kind === 'image' && (
          <>
            <p className="export-done">{t('export.savedImage', { file: outcome.file, width: String(outcome.width), height: String(outcome.height) })}</p>
            {outcome.retried && <p className="export-note">{t('export.retried', { ratio: formatRatio(outcome.ratio, i18n.language) })}</p>}
            {outcome.scaled && !outcome.retried && (
              <p className="export-note">
                {t('export.scaled', { ratio: formatRatio(outcome.ratio, i18n.language), limit: new Intl.NumberFormat(i18n.language).format(outcome.limit) })}
                {outcome.ratio < SMALL_RATIO && ` ${t('export.scaledSmall')}`}
              </p>
            )}
          </>
        )}
      </div>
      <div className="export-alert" role="alert">
        {failure && <p className="export-error">{failure.kind === 'image' ? t('export.failedImage', { reason: failure.reason }) : t('export.failed', { reason: failure.reason })}</p>}
      </div>
    </>
  );
}

function formatRatio(r: number, locale?: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(r);
}
