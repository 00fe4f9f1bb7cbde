/**
 * Escapes only what can break out of text or a double-quoted attribute. Mustache's default also escapes
 * ' / ` and =, which turns apostrophes and every URL into entities: the templates quote every attribute
 * with ", so those four characters are safe left as they are, and the French text stays byte-exact.
 */
export const escapeHtml = (value: string): string =>
  value.replace(/[&<>"]/g, (char) => ENTITIES[char] ?? char);

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
