import { memo, type KeyboardEvent } from 'react';
import { Plus } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { addNote } from '../sync/actions';
import { setUi, useUiFocus } from '../store/ui-store';
import { reveal } from './camera';

interface CellProps {
  stage: string;
  lane: string;
  x: number;
  y: number;
  w: number;
  h: number;
  tint: number;
  /** "Awareness · Activities" */
  name: string;
  editable: boolean;
}

const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

/** Focus the neighbouring cell: arrow keys walk the grid without tabbing through every note. */
function focusNeighbour(from: HTMLElement, key: string): boolean {
  const step = ARROWS[key];
  if (!step) return false;
  const cells = [...document.querySelectorAll<HTMLElement>('.cell[tabindex]')];
  const cols = new Set(cells.map((c) => c.dataset.stage)).size;
  const i = cells.indexOf(from);
  const col = i % cols;
  const nextCol = col + step[0];
  if (nextCol < 0 || nextCol >= cols) return true;
  cells[i + step[0] + step[1] * cols]?.focus();
  return true;
}

/**
 * One stage × lane cell. For editors it is a button: Enter or N adds a note, double-click too, and a
 * "+" shows on hover (or on the last touched cell, for phones).
 */
export const CellView = memo(function CellView({ stage, lane, x, y, w, h, tint, name, editable }: CellProps) {
  const { t } = useTranslation();
  const isDrop = useUiFocus((s) => s.dropCell?.stage === stage && s.dropCell?.lane === lane);
  const isActive = useUiFocus((s) => s.activeCell?.stage === stage && s.activeCell?.lane === lane);
  const add = () => addNote(stage, lane);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'Enter' || e.key === 'n' || e.key === 'N') {
      e.preventDefault();
      add();
    } else if (focusNeighbour(e.currentTarget, e.key)) e.preventDefault();
  };

  return (
    <>
      <div
        className={`cell tint-${tint}${isDrop ? ' is-drop' : ''}${isActive ? ' is-active' : ''}`}
        data-stage={stage}
        data-lane={lane}
        style={{ left: x, top: y, width: w, height: h }}
        role={editable ? 'button' : undefined}
        tabIndex={editable ? 0 : undefined}
        aria-label={editable ? name : undefined}
        aria-describedby={editable ? 'cell-hint' : undefined}
        onKeyDown={editable ? onKeyDown : undefined}
        onDoubleClick={editable ? (e) => e.target === e.currentTarget && add() : undefined}
        onFocus={(e) => {
          // Only keyboard focus moves the camera (a mouse press may start a pan). After the frame's
          // scroll handling, which may already have brought the cell into view.
          if (e.currentTarget.matches(':focus-visible')) requestAnimationFrame(() => reveal({ x, y, w, h: Math.min(h, 260) }));
        }}
        onPointerDown={() => setUi({ selectedId: null, activeCell: { stage, lane } })}
      />
      {editable && (
        <button
          type="button"
          className={`cell-add${isActive ? ' is-active' : ''}`}
          style={{ left: x + w - 40, top: y + h - 40 }}
          tabIndex={-1}
          aria-label={t('board.addNoteTo', { cell: name })}
          title={t('board.addNoteTo', { cell: name })}
          onClick={add}
        >
          <Plus aria-hidden size={18} />
        </button>
      )}
    </>
  );
});
