import type { Child } from 'hono/jsx';

/** Facts about one thing, each a term and its value. */
export const Facts = (props: { items: readonly (readonly [term: Child, fact: Child])[] }) => (
  <dl>
    {props.items.map(([term, fact]) => (
      <>
        <dt>{term}</dt>
        <dd>{fact}</dd>
      </>
    ))}
  </dl>
);
