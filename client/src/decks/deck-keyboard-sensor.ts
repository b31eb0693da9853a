/**
 * Keyboard dragging of deck cards: Enter or Space picks a card up in the panel, the arrow keys move it
 * from cell to cell of the map, Enter or Space places it, Escape (or Tab) cancels.
 *
 * Why not dnd-kit's KeyboardSensor with a coordinate getter, as for notes: a deck card starts inside the
 * panel's scrolling list, and that sensor spends arrow presses scrolling the list instead of moving the
 * card. This sensor only ever moves between cells, and it claims deck cards before the note sensor
 * sees the key (its activator listens in the capture phase; dnd-kit lets the first sensor win).
 */
import type { Activators, SensorInstance, SensorProps } from '@dnd-kit/core';
import type { Camera, CellRef, Rect } from '../../../shared/layout';
import { boardToScreen, type BoardLayout } from '../../../shared/layout';
import { appendSlot, ARROW_KEYS, startCell, stepCell, type ArrowKey } from './cell-navigation';
import { isDeckDragData } from './drag-data';

export interface DeckKeyboardOptions {
  /** The map as it is at this key press; null when no map is shown. */
  board(): { layout: BoardLayout; camera: Camera; viewport: DOMRect | { left: number; top: number } } | null;
  /** Tells where the card would land now (drawn by the grid, read on drop). */
  onCell(cell: CellRef | null): void;
  /** Pans the map so the target slot is visible, before the card is drawn over it. */
  reveal?(slot: Rect): void;
}

const PICK = ['Enter', 'Space'];
const DROP = ['Enter', 'Space', 'NumpadEnter'];
const CANCEL = ['Escape', 'Tab'];

export class DeckKeyboardSensor implements SensorInstance {
  autoScrollEnabled = false;
  private cell: CellRef | null = null;
  private detached = false;
  private moved = false;
  /** Where the dragged element was on screen when picked up: moves are offsets from here. */
  private origin: { left: number; top: number };
  private readonly doc: Document;
  private readonly win: Window;

  constructor(private readonly props: SensorProps<DeckKeyboardOptions>) {
    const node = props.activeNode.node.current;
    this.origin = node?.getBoundingClientRect() ?? { left: 0, top: 0 };
    this.doc = (props.event.target as Node | null)?.ownerDocument ?? document;
    this.win = this.doc.defaultView ?? window;
    this.onKey = this.onKey.bind(this);
    this.cancel = this.cancel.bind(this);
    const data = props.activeNode.data.current;
    const board = props.options.board();
    // Known before onStart, so the "picked up" announcement can already say where the card is.
    this.cell = board && isDeckDragData(data) ? startCell(board.layout, { stage: data.card.stage, lane: data.card.lane }) : null;
    props.options.onCell(this.cell);
    props.onStart({ x: 0, y: 0 });
    this.win.addEventListener('resize', this.cancel);
    this.win.addEventListener('visibilitychange', this.cancel);
    // Listening at once, so quick typists lose no arrow press; the key press that picked the card up
    // is still on its way to the document and is skipped in onKey.
    this.doc.addEventListener('keydown', this.onKey);
    // Drawn over its start cell once dnd-kit has measured the card (after this event).
    setTimeout(() => {
      if (!this.detached && !this.moved) this.moveTo(this.cell);
    });
  }

  private onKey(event: KeyboardEvent): void {
    if (event === this.props.event) return;
    if (DROP.includes(event.code)) return this.finish(event, true);
    if (CANCEL.includes(event.code)) return this.finish(event, false);
    if (!ARROW_KEYS.includes(event.code)) return;
    event.preventDefault();
    const board = this.props.options.board();
    if (board) this.moveTo(stepCell(board.layout, this.cell, event.code as ArrowKey));
  }

  private moveTo(cell: CellRef | null): void {
    const { options, onMove } = this.props;
    this.moved = true;
    this.cell = cell;
    options.onCell(cell);
    let board = options.board();
    const slot = board && cell && appendSlot(board.layout, cell);
    if (!board || !slot) return;
    if (options.reveal) {
      options.reveal(slot);
      board = options.board() ?? board;
    }
    const screen = boardToScreen(slot, board.camera);
    onMove({ x: board.viewport.left + screen.x - this.origin.left, y: board.viewport.top + screen.y - this.origin.top });
  }

  private finish(event: KeyboardEvent, drop: boolean): void {
    event.preventDefault();
    event.stopPropagation();
    this.detach();
    if (drop) this.props.onEnd();
    else this.props.onCancel();
  }

  private cancel(): void {
    this.detach();
    this.props.onCancel();
  }

  private detach(): void {
    this.detached = true;
    this.doc.removeEventListener('keydown', this.onKey);
    this.win.removeEventListener('resize', this.cancel);
    this.win.removeEventListener('visibilitychange', this.cancel);
  }

  static activators: Activators<DeckKeyboardOptions> = [
    {
      // Capture phase: runs before the note KeyboardSensor's onKeyDown on the same element.
      eventName: 'onKeyDownCapture',
      handler: (event: React.KeyboardEvent, _options, { active }) => {
        if (!PICK.includes(event.nativeEvent.code) || !isDeckDragData(active.data.current)) return false;
        if (active.activatorNode.current && event.target !== active.activatorNode.current) return false;
        event.preventDefault();
        return true;
      },
    },
  ];
}
