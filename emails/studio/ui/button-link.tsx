import type { Child } from 'hono/jsx';

/** A link that looks like a button: it goes somewhere (a GET), where a form's button would change something. */
export const ButtonLink = (props: { href: string; secondary?: boolean; rel?: string; children: Child }) => (
  <a class={props.secondary ? 'button secondary' : 'button'} rel={props.rel} href={props.href}>
    {props.children}
  </a>
);
