import type { Child } from 'hono/jsx';
import { Csrf } from './csrf.tsx';

/**
 * A form whose one button POSTs: the session's CSRF token (when signed in), any hidden fields, the fields given
 * as children, then the button. `inline` sets it beside the links that follow.
 */
export const PostButton = (props: {
  action: string;
  label: Child;
  csrf?: string;
  hidden?: Record<string, string>;
  inline?: boolean;
  secondary?: boolean;
  children?: Child;
}) => (
  <form method="post" action={props.action} class={props.inline ? 'inline' : undefined}>
    {props.csrf ? <Csrf token={props.csrf} /> : null}
    {Object.entries(props.hidden ?? {}).map(([name, value]) => (
      <input type="hidden" name={name} value={value} />
    ))}
    {props.children}
    <button type="submit" class={props.secondary ? 'secondary' : undefined}>
      {props.label}
    </button>
  </form>
);
