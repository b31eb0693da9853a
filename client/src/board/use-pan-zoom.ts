import { useEffect, type RefObject } from 'react';
import { screenToBoard, type Camera, type Point } from '../../../shared/layout';
import { publishCursor } from '../sync/actions';
import { uiStore } from '../store/ui-store';
import { panBy, setCamera, zoomBy } from './camera';
import { pinchCamera, wheelPixels, wheelZoomFactor } from './pan-zoom-math';
import { viewGestureStarted } from './view-gestures';

/** Targets that keep their own pointer behaviour: a press there never pans the board. */
const INTERACTIVE = 'button, a, input, textarea, select, label, [data-no-pan]';
const PAN_THRESHOLD = 4;
/** A wheel gesture is over this long after its last event (wheels and trackpads send no end). */
const WHEEL_REST_MS = 150;

/**
 * Pan and zoom on the unscaled viewport. Miro/Figma conventions: plain wheel pans, ctrl/cmd+wheel
 * (and trackpad pinch, which browsers report as ctrl+wheel) zooms around the pointer; drag empty
 * space to pan; one finger pans, two fingers pinch. Also publishes this person's cursor.
 */
export function usePanZoom(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const pointers = new Map<number, Point>();
    let pan: { id: number; start: Point; moved: boolean } | null = null;
    let pinch: { cam: Camera; from: [Point, Point] } | null = null;
    let wheelRest: ReturnType<typeof setTimeout> | undefined;
    // The map takes the pointer again: the wheel has rested, or the pointer moves (canvas.css).
    const wheelOver = () => {
      clearTimeout(wheelRest);
      wheelRest = undefined;
      el.classList.remove('is-wheeling');
    };

    const local = (e: { clientX: number; clientY: number }): Point => {
      const r = el.getBoundingClientRect();
      return { x: e.clientX - r.left, y: e.clientY - r.top };
    };

    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      viewGestureStarted();
      // While the map moves under a still pointer, what passes under it is not hovered (canvas.css).
      el.classList.add('is-wheeling');
      clearTimeout(wheelRest);
      wheelRest = setTimeout(wheelOver, WHEEL_REST_MS);
      const dx = wheelPixels(e.deltaX, e.deltaMode, el.clientWidth);
      const dy = wheelPixels(e.deltaY, e.deltaMode, el.clientHeight);
      if (e.ctrlKey || e.metaKey) zoomBy(wheelZoomFactor(dy), local(e));
      else if (e.shiftKey && !dx) panBy(-dy, 0);
      else panBy(-dx, -dy);
    };

    const onPointerDown = (e: PointerEvent) => {
      const target = e.target as Element;
      if (target.closest(INTERACTIVE)) return;
      // Mouse presses on a note belong to drag and drop; a finger on a note may still pan (a quick
      // swipe), because the touch sensor only picks a note up after a press-and-hold.
      const onCard = !!target.closest('[data-card-id]');
      if (e.pointerType !== 'touch' && onCard) return;
      if (e.pointerType === 'mouse' && e.button !== 0 && e.button !== 1) return;
      if (!onCard && uiStore.getState().selectedId) uiStore.setState({ selectedId: null });
      pointers.set(e.pointerId, local(e));
      if (pointers.size === 1) pan = { id: e.pointerId, start: local(e), moved: false };
      if (pointers.size === 2) {
        const [a, b] = [...pointers.values()];
        pinch = { cam: uiStore.getState().camera, from: [a, b] };
        pan = null;
        viewGestureStarted();
      }
    };

    const onPointerMove = (e: PointerEvent) => {
      if (wheelRest !== undefined) wheelOver();
      const p = local(e);
      if (e.pointerType !== 'touch') publishCursor(screenToBoard(p, uiStore.getState().camera));
      const prev = pointers.get(e.pointerId);
      if (!prev) return;
      pointers.set(e.pointerId, p);
      if (uiStore.getState().draggingId) {
        // A note was picked up (touch press-and-hold): the gesture is the note's now.
        pointers.clear();
        pan = pinch = null;
        return;
      }
      if (pinch && pointers.size >= 2) {
        const [a, b] = [...pointers.values()];
        setCamera(pinchCamera(pinch.cam, pinch.from, [a, b]));
        return;
      }
      if (pan && pan.id === e.pointerId) {
        if (!pan.moved && Math.hypot(p.x - pan.start.x, p.y - pan.start.y) < PAN_THRESHOLD) return;
        if (!pan.moved) {
          pan.moved = true;
          el.setPointerCapture(e.pointerId);
          el.classList.add('is-panning');
          viewGestureStarted();
        }
        panBy(p.x - prev.x, p.y - prev.y);
      }
    };

    const onPointerEnd = (e: PointerEvent) => {
      pointers.delete(e.pointerId);
      if (pointers.size < 2) pinch = null;
      if (pan?.id === e.pointerId || pointers.size === 0) {
        pan = null;
        el.classList.remove('is-panning');
      }
    };
    const onLeave = (e: PointerEvent) => {
      if (e.pointerType !== 'touch') publishCursor(null);
    };
    // The browser scrolls this overflow:hidden box to show a focused or scrolled-into-view element
    // (Tab, screen readers, test drivers). Turn that scroll into the same camera pan, so the element
    // stays where the browser put it and the camera remains the only offset.
    const onScroll = () => {
      const dx = el.scrollLeft;
      const dy = el.scrollTop;
      if (!dx && !dy) return;
      el.scrollTo(0, 0);
      panBy(-dx, -dy);
    };

    el.addEventListener('wheel', onWheel, { passive: false });
    el.addEventListener('pointerdown', onPointerDown);
    el.addEventListener('pointermove', onPointerMove);
    el.addEventListener('pointerup', onPointerEnd);
    el.addEventListener('pointercancel', onPointerEnd);
    el.addEventListener('pointerleave', onLeave);
    el.addEventListener('scroll', onScroll);
    return () => {
      clearTimeout(wheelRest);
      el.removeEventListener('wheel', onWheel);
      el.removeEventListener('pointerdown', onPointerDown);
      el.removeEventListener('pointermove', onPointerMove);
      el.removeEventListener('pointerup', onPointerEnd);
      el.removeEventListener('pointercancel', onPointerEnd);
      el.removeEventListener('pointerleave', onLeave);
      el.removeEventListener('scroll', onScroll);
    };
  }, [ref]);
}
