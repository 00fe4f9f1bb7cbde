import type { Child } from 'hono/jsx';

/** Key figures in boxes, each its label above its value; `key` names the value the live script updates. */
export const Figures = (props: {
  items: readonly (readonly [label: Child, value: Child, key?: string])[];
}) => (
  <div class="figures">
    {props.items.map(([label, value, key]) => (
      <div class="figure">
        <span>{label}</span>
        <strong data-count={key}>{value}</strong>
      </div>
    ))}
  </div>
);
