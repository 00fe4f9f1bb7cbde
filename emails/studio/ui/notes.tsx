import type { Child } from 'hono/jsx';

/** News of what was just done, read out politely. */
export const Notice = (props: { children: Child }) => (
  <p class="notice" role="status">
    {props.children}
  </p>
);

/** What went wrong or was refused, read out at once. */
export const Alert = (props: { children: Child }) => (
  <p class="alert" role="alert">
    {props.children}
  </p>
);
