import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Maximize2, Scan } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { ChangeKind } from '../../../shared/history/board-changes';
import { planSheet, type BoardContent } from '../export/sheet-plan';
import { StaticMap } from '../export/static-map';

/** Room around the map inside its box, in CSS px. */
const PAD = 12;

/**
 * A board state drawn read-only: the same map as the board and the report (`StaticMap`: the live map's
 * grid, card faces, moments and emotion curve, without camera, drag or toolbars), fitted to its box or at
 * 100 % with scrolling, and the changes outlined over it (each outline says its kind in words, so colour
 * is not the only sign). The words themselves are in the History panel's list.
 */
export function CheckpointMap({ board, marks, label, fitOnly = false }: { board: BoardContent; marks?: ReadonlyMap<string, ChangeKind>; label: string; fitOnly?: boolean }) {
  const { t } = useTranslation();
  const plan = useMemo(() => planSheet(board, { kind: 'map' }), [board]);
  const box = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ w: 0, h: 0 });
  const [fit, setFit] = useState(true);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setSize({ w: el.clientWidth, h: el.clientHeight });
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    measure();
    return () => ro.disconnect();
  }, []);
  if (!plan) return null;
  const { view } = plan;
  const scale = fit || fitOnly ? Math.max(0.05, Math.min(1, (size.w - PAD * 2) / view.w, (size.h - PAD * 2) / view.h)) : 1;
  return (
    <div className={`history-map${fit || fitOnly ? ' is-fit' : ''}`} ref={box} role="region" aria-label={label} tabIndex={0}>
      <div className="history-map-sized" style={{ width: view.w * scale, height: view.h * scale }}>
        <div className="history-map-scaled" style={{ width: view.w, height: view.h, transform: `scale(${scale})` }}>
          <StaticMap plan={plan} />
          {marks && (
            <div className="history-marks" aria-hidden>
              {[...marks].map(([id, kind]) => {
                const r = plan.layout.cards.get(id);
                if (!r) return null;
                return (
                  <div key={id} className={`history-mark is-${kind}`} data-change-card={id} style={{ left: r.x - view.x - 6, top: r.y - view.y - 6, width: r.w + 12, height: r.h + 12 }}>
                    <span className="history-mark-tag">{t(`boardHistory.change.${kind}`)}</span>
                  </div>
                );
              })}
            </div>
          )}
        </div>
      </div>
      {!fitOnly && (
        <button type="button" className="button history-zoom" onClick={() => setFit(!fit)}>
          {fit ? <Maximize2 aria-hidden size={16} /> : <Scan aria-hidden size={16} />}
          {fit ? t('boardHistory.view.actual') : t('boardHistory.view.fit')}
        </button>
      )}
    </div>
  );
}
