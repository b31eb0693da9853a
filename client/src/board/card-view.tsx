import { memo, type CSSProperties, type KeyboardEvent } from 'react';
import { useDraggable } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import { cardMetrics } from '../../../shared/card-layout/card-metrics';
import { startEditing } from '../sync/actions';
import { boardStore, useCard } from '../store/board-store';
import { usePresence } from '../store/presence-store';
import { useCanChangeCard } from '../store/session-store';
import { openDialog, setUi, uiStore, useUiFocus } from '../store/ui-store';
import { reveal } from './camera';
import { CardEditor } from './card-editor';
import { CardFace, cardTooltip } from './card-face';
import { cellName } from './cell-name';
import { openAnswer } from '../journey/answer-dialog';
import { hasKindFace } from '../journey/card-kind-face';
import { momentDescriptionId } from '../journey/moment-marker';
import { momentOf } from '../journey/moments';
import { invZoomStyle } from './inv-zoom';

interface Props {
  id: string;
  x: number;
  y: number;
  /** Height from the card layout (shared/card-layout): the card's words always fit. */
  h: number;
  unplaced: boolean;
}

/**
 * One note on the map. Selects its own data by id, so a change to this note re-renders this note
 * only. While someone else drags it, it follows their pointer (smoothed by CSS) with their name on it.
 */
export const CardView = memo(function CardView({ id, x, y, h, unplaced }: Props) {
  const { t } = useTranslation();
  const card = useCard(id);
  // In cards-only mode a participant may only change their own cards (docs/roles.md).
  const canEdit = useCanChangeCard(card?.ownerId);
  const selected = useUiFocus((s) => s.selectedId === id);
  const editing = useUiFocus((s) => s.editingId === id);
  const draggingHere = useUiFocus((s) => s.draggingId === id);
  const remote = usePresence((s) => s.activity[id]);
  const { attributes, listeners, setNodeRef } = useDraggable({
    id,
    disabled: !canEdit || editing,
    attributes: { roleDescription: t('card.draggable') },
  });
  if (!card) return null;

  const at = remote?.kind === 'drag' && remote.at ? remote.at : { x, y };
  const placeNote = unplaced ? t('card.unplacedFrom', { place: cellName(boardStore.getState(), card) }) : '';
  const interactive = canEdit && !editing;
  const moment = momentOf(card);
  // A selected card with a long text shows it whole (over its neighbours); so does its editor.
  const metrics = cardMetrics(card);
  const expanded = (selected || editing) && metrics.truncated;
  const height = expanded ? Math.max(h, metrics.expandedH + h - metrics.h) : h;

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // During a keyboard drag the keys belong to dnd-kit (Enter drops the note, it must not edit it).
    if (e.target !== e.currentTarget || uiStore.getState().draggingId) return;
    if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      startEditing(id);
      return;
    }
    if ((e.key === 'a' || e.key === 'A') && card.kind === 'question') {
      e.preventDefault();
      openAnswer(id);
      return;
    }
    if (e.key === 'm' || e.key === 'M') {
      e.preventDefault();
      openDialog({ kind: 'move', cardId: id });
      return;
    }
    listeners?.onKeyDown?.(e);
  };

  const className = [
    'card',
    `kind-${card.kind}`,
    selected && 'is-selected',
    editing && 'is-editing',
    draggingHere && 'is-dragging',
    expanded && 'is-expanded',
    remote && `is-remote-${remote.kind}`,
  ]
    .filter(Boolean)
    .join(' ');
  // left/top, not a transform: dnd-kit measures a draggable without its own transform, which would
  // put the drag overlay (and the published position) off by the note's board offset.
  const style = {
    left: at.x,
    top: at.y,
    height,
    background: card.color,
    '--peer': remote?.color,
  } as CSSProperties;

  return (
    <>
      <div
        ref={setNodeRef}
        className={className}
        data-card-id={id}
        style={style}
        title={expanded || editing ? undefined : cardTooltip(card)}
        {...(interactive ? attributes : { role: editing ? undefined : 'note', tabIndex: editing ? undefined : -1 })}
        {...(interactive ? listeners : {})}
        {...(moment && !editing && { 'aria-describedby': [interactive ? attributes['aria-describedby'] : '', momentDescriptionId(id)].filter(Boolean).join(' ') })}
        onKeyDown={interactive ? onKeyDown : undefined}
        onFocus={(e) => {
          if (e.target !== e.currentTarget) return;
          setUi({ selectedId: id });
          if (e.currentTarget.matches(':focus-visible')) requestAnimationFrame(() => reveal({ x, y, w: metrics.w, h }));
        }}
        onPointerDown={() => setUi({ selectedId: id })}
        onDoubleClick={canEdit && !editing ? () => startEditing(id) : undefined}
      >
        {/* Named by its content ("Note: …" + text), so what people see and what they hear agree. */}
        {editing ? (
          <CardEditor id={id} text={card.text} />
        ) : (
          <>
            {/* A deck card says its kind instead ("Emotion: …", "Key moment …"). */}
            {!hasKindFace(card) && <span className="sr-only">{`${t('card.prefix')} `}</span>}
            <CardFace card={card} expanded={expanded} />
            {!card.text.trim() && <span className="sr-only">{t('card.empty')}</span>}
            {placeNote && <span className="card-unplaced">{` ${placeNote}`}</span>}
          </>
        )}
      </div>
      {remote && (
        // A sibling, not a child: the note's accessible name stays its own text.
        <span className={`peer-tag is-${remote.kind}`} style={{ left: at.x, top: at.y, '--peer': remote.color, ...invZoomStyle() } as CSSProperties} aria-hidden>
          {t(remote.kind === 'drag' ? 'presence.moving' : 'presence.editing', { name: remote.name })}
        </span>
      )}
    </>
  );
});
