import { EmailRenderError } from './email-render-error.ts';

// MJML wraps the body in one <div role="article" aria-label="{title}" lang dir> (mj-body's own render).
const ARTICLE = /<div\s+aria-label="[^"]*"\s+aria-roledescription="email"\s+role="article"/;
// Where the body ends. MJML has been seen to end a page with `</head></html>` for some content (a Mustache-like
// cover alt on the web page): then the landmark closes where the document does.
const ENDS = ['</body>', '</html>'];

/**
 * Puts MJML's article wrapper inside a `main` landmark: the issue is the page's main content, and with its
 * aria-label the article counts as content that a landmark must hold (axe's `region`). Done on MJML's output
 * because mj-body draws the article itself; a MJML upgrade that changes that markup fails the render loudly.
 */
export const withMainLandmark = (html: string): string => {
  const start = ARTICLE.exec(html)?.index;
  if (start === undefined) {
    throw new EmailRenderError('MJML\'s output has no role="article" wrapper to put in the main landmark');
  }
  const found = ENDS.map((tag) => html.lastIndexOf(tag)).find((at) => at > start);
  const end = found ?? html.length;
  return `${html.slice(0, start)}<div role="main">${html.slice(start, end)}</div>${html.slice(end)}`;
};
