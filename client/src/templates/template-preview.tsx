import { useTranslation } from 'react-i18next';
import type { Backup } from '../../../shared/backup/backup-schema';
import { SUBTITLE_SEPARATOR } from '../../../shared/templates/subtitle';

const COL_W = 62;
const HEAD_H = 34;
const LANE_H = 22;
const LABEL_W = 8;

/** "Purchase — cart and checkout" → name and subtitle. */
export function splitStageTitle(title: string): { name: string; subtitle: string } {
  const at = title.indexOf(SUBTITLE_SEPARATOR);
  return at < 0 ? { name: title, subtitle: '' } : { name: title.slice(0, at), subtitle: title.slice(at + SUBTITLE_SEPARATOR.length) };
}

/**
 * A small drawing of a template: its stages (name and subtitle) as columns, its lanes as rows, each card
 * as a small tile in its cell (questions marked "?"). One image for assistive technology, described in
 * words: stages, lanes and how many cards.
 */
export function TemplatePreview({ template, name }: { template: Backup; name: string }) {
  const { t } = useTranslation();
  const { stages, lanes, cards } = template.board;
  const w = LABEL_W + stages.length * COL_W;
  const h = HEAD_H + lanes.length * LANE_H + 2;
  const col = new Map(stages.map((s, i) => [s.id, i]));
  const row = new Map(lanes.map((l, i) => [l.id, i]));
  const inCell = new Map<string, number>();
  const questions = cards.filter((c) => c.kind === 'question').length;
  const label = t('templates.preview.label', {
    name,
    stages: stages.length,
    stageList: stages.map((s) => s.title).join('; '),
    lanes: lanes.length,
    cards: cards.length,
  });
  return (
    <figure className="template-preview">
      <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-label={label} preserveAspectRatio="xMinYMin meet">
        {stages.map((s, i) => {
          const { name: stageName, subtitle } = splitStageTitle(s.title);
          const x = LABEL_W + i * COL_W;
          return (
            <g key={s.id} aria-hidden>
              <rect x={x + 1} y={1} width={COL_W - 2} height={HEAD_H - 3} rx={4} className="tp-head" />
              <text x={x + 5} y={13} className="tp-stage">
                {clip(stageName, 12)}
              </text>
              {subtitle && (
                <text x={x + 5} y={25} className="tp-sub">
                  {clip(subtitle, 15)}
                </text>
              )}
            </g>
          );
        })}
        {lanes.map((l, j) => (
          <g key={l.id} aria-hidden>
            <rect x={0} y={HEAD_H + j * LANE_H} width={LABEL_W - 2} height={LANE_H - 2} rx={2} className="tp-lane" />
            {stages.map((s, i) => (
              <rect key={s.id} x={LABEL_W + i * COL_W + 1} y={HEAD_H + j * LANE_H} width={COL_W - 2} height={LANE_H - 2} rx={3} className="tp-cell" />
            ))}
          </g>
        ))}
        {cards.map((c) => {
          const i = col.get(c.stage);
          const j = row.get(c.lane);
          if (i === undefined || j === undefined) return null;
          const key = `${c.stage}/${c.lane}`;
          const k = inCell.get(key) ?? 0;
          inCell.set(key, k + 1);
          if (k > 3) return null;
          const x = LABEL_W + i * COL_W + 4 + k * 14;
          const y = HEAD_H + j * LANE_H + 4;
          return (
            <g key={c.id} aria-hidden>
              <rect x={x} y={y} width={12} height={12} rx={2} fill={/^#[0-9a-f]{6}$/i.test(c.color) ? c.color : '#fff3a3'} className="tp-card" />
              {c.kind === 'question' && (
                <text x={x + 6} y={y + 9.5} className="tp-q">
                  ?
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="hint">{questions === 0 && cards.length === 0 ? t('templates.preview.noCards') : t('templates.preview.cards', { count: questions || cards.length })}</figcaption>
    </figure>
  );
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
