import type { Child } from 'hono/jsx';

/** A labelled choice, sent under its id, with the current value selected. */
export const Select = (props: {
  id: string;
  label: Child;
  options: readonly (readonly [value: string, text: Child])[];
  selected?: string;
}) => (
  <>
    <label for={props.id}>{props.label}</label>
    <select id={props.id} name={props.id}>
      {props.options.map(([value, text]) => (
        <option value={value} selected={value === props.selected}>
          {text}
        </option>
      ))}
    </select>
  </>
);
