import { html, raw } from 'hono/html';
import type { Language } from '../../shared/domain/issue.ts';

// Contrast: body #2b211c on #fffaf3 is 15:1, the button's white on #8f3d1f 7.4:1 (WCAG AAA for text).
// Dark, the dark palette: ink #f3e9dd 14:1 on #221b17, accent #f0a37f 8.3:1, its button text 8.8:1.
// Pages added to the flow inherit both by going through `layout`.
const STYLE = `
:root{color-scheme:light dark}
*{box-sizing:border-box}
body{margin:0;background:#f4ece1;color:#2b211c;font:17px/1.6 Georgia,'Times New Roman',serif}
main{max-width:34rem;margin:0 auto;padding:2rem 1.25rem;background:#fffaf3;min-height:100vh}
h1{font-weight:normal;font-size:1.75rem;line-height:1.25;margin:0 0 1rem}
p{margin:0 0 1rem}
form{margin:0 0 1.5rem}
label,legend{display:block;font:600 .95rem/1.4 'Helvetica Neue',Arial,sans-serif;margin:0 0 .35rem}
fieldset{border:0;padding:0;margin:0 0 1.25rem}
fieldset label{font-weight:normal;display:flex;gap:.5rem;align-items:center}
input[type=email],input[type=text],select{width:100%;font:inherit;padding:.65rem .75rem;border:2px solid #6b5a4d;border-radius:4px;background:#fff;color:#2b211c;margin:0 0 1.25rem}
input[type=radio]{width:1.2rem;height:1.2rem;margin:0}
button{font:600 1rem 'Helvetica Neue',Arial,sans-serif;padding:.8rem 1.6rem;border:0;border-radius:4px;background:#8f3d1f;color:#fff;cursor:pointer;min-height:44px}
button.secondary{background:#fff;color:#8f3d1f;border:2px solid #8f3d1f}
a{color:#8f3d1f}
:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
.error{color:#9b1c1c;font:600 .95rem 'Helvetica Neue',Arial,sans-serif;margin:-1rem 0 1.25rem}
.hint,.consent{font-size:.9rem;color:#4f4037}
.status{padding:.75rem 1rem;background:#e7f3e7;border-left:4px solid #2f6b2f}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
@media (prefers-color-scheme:dark){
body{background:#1a1512;color:#f3e9dd}
main{background:#221b17}
input[type=email],input[type=text],select{background:#2d241f;color:#f3e9dd;border-color:#c9b6a4}
button{background:#f0a37f;color:#1a1512}
button.secondary{background:#221b17;color:#f0a37f;border-color:#f0a37f}
a{color:#f0a37f}
:focus-visible{outline-color:#8ab4ff}
.error{color:#ffb4a8}
.hint,.consent{color:#c9b6a4}
.status{background:#1f3321;border-left-color:#7fc37f}
}
`;

/** Server-rendered, no script: works with JavaScript off, in an iframe on the blog, at 320 px and up. */
export const layout = (language: Language, title: string, body: unknown) =>
  html`<!doctype html>
    <html lang="${language}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <meta name="color-scheme" content="light dark" />
        <title>${title}</title>
        <style>
          ${raw(STYLE)}
        </style>
      </head>
      <body>
        <main>${body}</main>
      </body>
    </html>`;

/** A page that only says something: a result, a refusal. */
export const messagePage = (language: Language, title: string, message: string) =>
  layout(
    language,
    title,
    html`<h1>${title}</h1>
      <p role="status">${message}</p>`,
  );

/** A page with one button that POSTs back to the same URL: GETs (and mail scanners) change nothing. */
export const oneButtonPage = (
  language: Language,
  page: { title: string; intro: string; button: string; action: string; hidden?: Record<string, string> },
) =>
  layout(
    language,
    page.title,
    html`<h1>${page.title}</h1>
      <p>${page.intro}</p>
      <form method="post" action="${page.action}">
        ${Object.entries(page.hidden ?? {}).map(
          ([name, value]) => html`<input type="hidden" name="${name}" value="${value}" />`,
        )}
        <button type="submit">${page.button}</button>
      </form>`,
  );
