import type { Child } from 'hono/jsx';

/** A part of a page under its h2, which names it for a screen reader's list of regions. */
export const Section = (props: {
  id: string;
  title: Child;
  data?: Record<`data-${string}`, string>;
  children?: Child;
}) => (
  <section aria-labelledby={`${props.id}-title`} {...props.data}>
    <h2 id={`${props.id}-title`}>{props.title}</h2>
    {props.children}
  </section>
);
