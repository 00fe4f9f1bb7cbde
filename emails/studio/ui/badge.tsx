import type { Child } from 'hono/jsx';

/** A state in a word, coloured by its tone (a class the stylesheet colours: sent, held, scheduled…). */
export const Badge = (props: { tone: string; children: Child }) => (
  <span class={`badge ${props.tone}`}>{props.children}</span>
);
