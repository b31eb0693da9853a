import { useEffect, useRef } from 'react';
import { ArrowDown, ArrowLeft, ArrowRight, ArrowUp, Pencil, Trash } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { AxisItem, Axis } from '../../../shared/doc/schema';
import { MAX_TITLE_LENGTH } from '../../../shared/doc/schema';
import { removeAxis, renameAxis, shiftAxis } from '../sync/actions';
import { setUi, useUiFocus } from '../store/ui-store';

interface Props {
  axis: Axis;
  item: AxisItem | undefined;
  index: number;
  count: number;
  /** Facilitators rename, move and remove stages and lanes; everyone else just reads them. */
  editable: boolean;
}

export function AxisHeader({ axis, item, index, count, editable }: Props) {
  const { t } = useTranslation();
  const renaming = useUiFocus((s) => s.renaming?.axis === axis && s.renaming.id === item?.id);
  if (!item) return null;
  const title = item.title;
  const stage = axis === 'stages';
  const Back = stage ? ArrowLeft : ArrowUp;
  const Forward = stage ? ArrowRight : ArrowDown;

  return (
    <div className={`axis-header axis-${axis}`}>
      {renaming ? (
        <RenameField axis={axis} item={item} label={stage ? t('skeleton.stageName') : t('skeleton.laneName')} />
      ) : (
        <h2 className="axis-title" title={title}>
          {title}
        </h2>
      )}
      {editable && !renaming && (
        <div className="axis-tools" data-no-pan>
          <button
            type="button"
            className="icon-button"
            aria-label={t(stage ? 'skeleton.renameStage' : 'skeleton.renameLane', { title })}
            title={t(stage ? 'skeleton.renameStage' : 'skeleton.renameLane', { title })}
            onClick={() => setUi({ renaming: { axis, id: item.id } })}
          >
            <Pencil aria-hidden size={14} />
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={t(stage ? 'skeleton.moveStageLeft' : 'skeleton.moveLaneUp', { title })}
            title={t(stage ? 'skeleton.moveStageLeft' : 'skeleton.moveLaneUp', { title })}
            disabled={index === 0}
            onClick={() => shiftAxis(axis, item.id, -1)}
          >
            <Back aria-hidden size={14} />
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={t(stage ? 'skeleton.moveStageRight' : 'skeleton.moveLaneDown', { title })}
            title={t(stage ? 'skeleton.moveStageRight' : 'skeleton.moveLaneDown', { title })}
            disabled={index === count - 1}
            onClick={() => shiftAxis(axis, item.id, 1)}
          >
            <Forward aria-hidden size={14} />
          </button>
          <button
            type="button"
            className="icon-button danger"
            aria-label={t(stage ? 'skeleton.removeStage' : 'skeleton.removeLane', { title })}
            title={t(stage ? 'skeleton.removeStage' : 'skeleton.removeLane', { title })}
            onClick={() => removeAxis(axis, item.id)}
          >
            <Trash aria-hidden size={14} />
          </button>
        </div>
      )}
    </div>
  );
}

/** Inline rename: Enter or leaving the field saves, Escape cancels. */
function RenameField({ axis, item, label }: { axis: Axis; item: AxisItem; label: string }) {
  const ref = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  const finish = (save: boolean) => {
    if (done.current) return;
    done.current = true;
    if (save && ref.current) renameAxis(axis, item.id, ref.current.value);
    setUi({ renaming: null });
  };
  return (
    <input
      ref={ref}
      className="axis-input"
      aria-label={label}
      defaultValue={item.title}
      maxLength={MAX_TITLE_LENGTH}
      data-no-pan
      onBlur={() => finish(true)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') finish(true);
        else if (e.key === 'Escape') finish(false);
      }}
    />
  );
}
