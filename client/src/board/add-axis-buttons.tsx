import { Plus } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { GEOMETRY } from '../../../shared/layout';
import { addAxis } from '../sync/actions';
import { boardStore, useBoard } from '../store/board-store';
import { setUi } from '../store/ui-store';
import i18next from '../i18n/i18n';
import { ADD_LANE_H, ADD_STAGE_W } from './add-axis-room';

/** Facilitator-only: "Add stage" after the last stage, a lane-header-wide "Add lane" under the lanes. */
export function AddAxisButtons() {
  const { t } = useTranslation();
  const width = useBoard((s) => s.layout.width);
  const height = useBoard((s) => s.layout.height);

  const add = (axis: 'stages' | 'lanes') => {
    // New titles are content, so they use the board's language, not this person's interface language.
    const lng = boardStore.getState().meta.locale;
    const title = i18next.t(axis === 'stages' ? 'skeleton.newStage' : 'skeleton.newLane', { lng });
    const id = addAxis(axis, title);
    if (id) setUi({ renaming: { axis, id } });
  };

  return (
    <>
      <button
        type="button"
        className="add-axis add-stage"
        style={{ left: width + GEOMETRY.gap, width: ADD_STAGE_W, height: GEOMETRY.stageHeaderH }}
        onClick={() => add('stages')}
      >
        <Plus aria-hidden size={16} />
        {t('skeleton.addStage')}
      </button>
      <button
        type="button"
        className="add-axis add-lane"
        style={{ top: height + GEOMETRY.gap, width: GEOMETRY.laneHeaderW, height: ADD_LANE_H }}
        onClick={() => add('lanes')}
      >
        <Plus aria-hidden size={16} />
        {t('skeleton.addLane')}
      </button>
    </>
  );
}
