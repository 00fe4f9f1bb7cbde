import type { Child } from 'hono/jsx';

/**
 * A table of rows (the children, each a `<tr>`) under one head per column. At 375 px it scrolls sideways rather
 * than squeezing its cells; given a `region` name, the scrolling box is reachable and named for the keyboard.
 */
export const Table = (props: {
  heads: readonly Child[];
  class?: string;
  region?: string;
  children: Child;
}) => (
  <div class="scroll" {...(props.region ? { role: 'region', 'aria-label': props.region, tabindex: 0 } : {})}>
    <table class={props.class}>
      <thead>
        <tr>
          {props.heads.map((head) => (
            <th scope="col">{head}</th>
          ))}
        </tr>
      </thead>
      <tbody>{props.children}</tbody>
    </table>
  </div>
);
