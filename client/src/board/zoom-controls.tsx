import { Maximize, Minus, Plus } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useUi } from '../store/ui-store';
import { fitJourney, resetZoom, zoomIn, zoomOut } from './camera';

export function ZoomControls() {
  const { t } = useTranslation();
  const percent = useUi((s) => Math.round(s.camera.zoom * 100));
  return (
    <div className="zoom-controls" role="group" aria-label={t('zoom.group')} data-no-pan>
      <button type="button" className="icon-button" aria-label={t('zoom.out')} title={`${t('zoom.out')} (−)`} onClick={zoomOut}>
        <Minus aria-hidden size={18} />
      </button>
      <button type="button" className="zoom-value" aria-label={t('zoom.reset', { percent })} title={`${t('zoom.reset', { percent })} (0)`} onClick={resetZoom}>
        {percent}%
      </button>
      <button type="button" className="icon-button" aria-label={t('zoom.in')} title={`${t('zoom.in')} (+)`} onClick={zoomIn}>
        <Plus aria-hidden size={18} />
      </button>
      <span className="zoom-divider" aria-hidden />
      <button type="button" className="icon-button" aria-label={t('zoom.fit')} title={`${t('zoom.fit')} (${t('facilitation.keys.fit')})`} aria-keyshortcuts="Shift+1" onClick={fitJourney}>
        <Maximize aria-hidden size={18} />
      </button>
    </div>
  );
}
