/**
 * Escapes only what can break out of text or a double-quoted attribute, and the braces: MJML reads `{{` … `}}`
 * in its input as a templating language's tags and leaves them alone, so an author's `}}` in a title with `{{{`
 * further down in a cover's alt swallowed the markup between them (the mail's article wrapper among it). As
 * entities they are plain text to MJML and the same characters to every reader. Mustache's default also escapes
 * ' / ` and =, which turns apostrophes and every URL into entities: the templates quote every attribute
 * with ", so those four characters are safe left as they are, and the French text stays byte-exact.
 */
export const escapeHtml = (value: string): string =>
  value.replace(/[&<>"{}]/g, (char) => ENTITIES[char] ?? char);

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '{': '&#123;',
  '}': '&#125;',
};

/** The braces of HTML that is already safe (the sanitised story), for the same reason as in `escapeHtml`. */
export const bracesAsEntities = (html: string): string =>
  html.replace(/[{}]/g, (char) => ENTITIES[char] ?? char);
