import type { Child } from 'hono/jsx';

/** Copies the value of the field `source` names (studio.js); its label turns to `copied` once done. */
export const CopyButton = (props: { source: string; copied: string; children: Child }) => (
  <p>
    <button type="button" data-copy={props.source} data-copied={props.copied}>
      {props.children}
    </button>
  </p>
);
