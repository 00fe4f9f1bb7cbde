const HEADING = /<(\/?)h([2-4])>/g;

/**
 * The story's headings renumbered so that none skips a level under the h1 (WCAG 1.3.1; axe's
 * heading-order): her first heading becomes an h2 whatever she picked, and each one after goes at most one level
 * deeper than the one before it. Works on sanitised HTML, where h2–h4 carry no attributes.
 */
export const headingsInOrder = (storyHtml: string): string => {
  let previous = 1;
  const open: number[] = [];
  return storyHtml.replace(HEADING, (_tag, closing: string, digit: string) => {
    if (closing) return `</h${open.pop() ?? digit}>`;
    const level = Math.min(Number(digit), previous + 1);
    previous = level;
    open.push(level);
    return `<h${level}>`;
  });
};
