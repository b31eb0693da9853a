import { useId, type FormEvent } from 'react';
import { Download } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useBoard } from '../store/board-store';
import { useUi } from '../store/ui-store';
import { Modal } from '../ui/modal';
import { closeImageDialog, exportImage } from './export-actions';
import { setExport, useExport, type ImageFormat } from './export-store';
import { ExportStatus } from './export-status';
import { PIXEL_RATIOS, type PixelRatio } from './image-limits';
import type { ExportScope } from './sheet-plan';

/**
 * Options of a PNG or SVG export: the whole map, one stage or the selected card; the resolution (PNG);
 * a legend. The image is drawn from a clean copy of the map, so the zoom and scroll do not matter.
 */
export function ImageExportDialog({ format }: { format: ImageFormat }) {
  const { t } = useTranslation();
  const ids = { scope: useId(), stage: useId(), ratio: useId(), legend: useId() };
  const stages = useBoard((s) => s.stages);
  const selected = useUi((s) => s.selectedId);
  const hasSelection = useBoard((s) => !!selected && !!s.cards[selected] && s.layout.cards.has(selected));
  const scopeKind = useExport((s) => s.scopeKind);
  const stageId = useExport((s) => s.stageId);
  const ratio = useExport((s) => s.ratio);
  const legend = useExport((s) => s.legend);
  const busy = useExport((s) => s.busy);
  const scope: ExportScope['kind'] = scopeKind === 'selection' && !hasSelection ? 'map' : scopeKind;
  const currentStage = stageId && stages.some((s) => s.id === stageId) ? stageId : stages[0]?.id;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setExport({ scopeKind: scope, stageId: currentStage ?? null });
    void exportImage(format);
  };

  return (
    <Modal title={t(format === 'png' ? 'export.image.titlePng' : 'export.image.titleSvg')} onClose={closeImageDialog} className="export-dialog">
      <form className="export-form" onSubmit={submit} aria-busy={!!busy}>
        <fieldset className="export-fieldset">
          <legend>{t('export.image.area')}</legend>
          <label className="export-choice">
            <input type="radio" name={ids.scope} checked={scope === 'map'} onChange={() => setExport({ scopeKind: 'map' })} />
            {t('export.image.whole')}
          </label>
          <label className="export-choice">
            <input type="radio" name={ids.scope} checked={scope === 'stage'} onChange={() => setExport({ scopeKind: 'stage', stageId: currentStage ?? null })} />
            {t('export.image.stage')}
          </label>
          {scope === 'stage' && (
            <>
              <label htmlFor={ids.stage} className="sr-only">
                {t('export.image.stageLabel')}
              </label>
              <select id={ids.stage} className="input export-stage-select" value={currentStage} onChange={(e) => setExport({ stageId: e.target.value })}>
                {stages.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.title || s.id}
                  </option>
                ))}
              </select>
            </>
          )}
          <label className={`export-choice${hasSelection ? '' : ' is-disabled'}`}>
            <input
              type="radio"
              name={ids.scope}
              checked={scope === 'selection'}
              disabled={!hasSelection}
              aria-describedby={hasSelection ? undefined : `${ids.scope}-hint`}
              onChange={() => setExport({ scopeKind: 'selection' })}
            />
            {t('export.image.selection')}
          </label>
          {!hasSelection && (
            <p id={`${ids.scope}-hint`} className="hint">
              {t('export.image.noSelection')}
            </p>
          )}
        </fieldset>

        {format === 'png' && (
          <fieldset className="export-fieldset">
            <legend>{t('export.image.resolution')}</legend>
            {PIXEL_RATIOS.map((r) => (
              <label key={r} className="export-choice">
                <input type="radio" name={ids.ratio} checked={ratio === r} onChange={() => setExport({ ratio: r as PixelRatio })} />
                {t(`export.image.ratio${r}`)}
              </label>
            ))}
          </fieldset>
        )}

        <label className={`export-choice${scope === 'selection' ? ' is-disabled' : ''}`}>
          <input type="checkbox" checked={legend && scope !== 'selection'} disabled={scope === 'selection'} onChange={(e) => setExport({ legend: e.target.checked })} />
          {t('export.image.legend')}
        </label>
        {format === 'svg' && <p className="hint">{t('export.image.svgHint')}</p>}

        <ExportStatus />
        <div className="modal-actions">
          <button type="submit" className="button button-primary" disabled={!!busy}>
            <Download aria-hidden size={16} />
            {t('export.image.submit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
