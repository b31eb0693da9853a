import type { AxisItem } from '../../../shared/doc/schema';

/** A labelled select of stages or lanes, as the "Move to…" and "Add to…" dialogs use it. */
export function AxisSelect(props: { id: string; label: string; value: string; items: AxisItem[]; onChange: (id: string) => void }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} className="select" value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.items.map((i) => (
          <option key={i.id} value={i.id}>
            {i.title}
          </option>
        ))}
      </select>
    </div>
  );
}
