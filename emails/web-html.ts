// Downlevel-hidden: only an Outlook or IE reads what is inside. The downlevel-revealed form
// (`<!--[if !mso]><!-->…<!--<![endif]-->`) shows its content to browsers: only its markers go.
const HIDDEN = /<!--\[if [^\]]*\]>(?!<!-->)[\s\S]*?<!\[endif\]-->/g;
const REVEALED_MARKERS = /<!--\[if [^\]]*\]><!-->|<!--<!\[endif\]-->/g;
const KEEPS_WHITE_SPACE = /(<(pre|textarea)\b[\s\S]*?<\/\2>)/i;
const LINE_BREAK_RUN = /[ \t]*\n\s*/g;

/**
 * MJML writes for mail clients: Outlook's ghost tables inside `<!--[if mso | IE]>…<![endif]-->`, hidden
 * from every other reader, and its output indented line by line. A browser reads neither: the web page leaves
 * them out (a sixth of the issue page's bytes, 7 % of its brotli), so each view and each link-card fetch
 * carries less. What a browser draws does not change: the comments were comments to it, and a run of white
 * space holding a line break is one space to it as a single line break is, outside the elements that keep
 * their white space (`pre`, `textarea`), which are left as they are.
 */
export const forBrowsers = (html: string): string =>
  html
    .replace(HIDDEN, '')
    .replace(REVEALED_MARKERS, '')
    .split(KEEPS_WHITE_SPACE)
    // split() with two groups yields text, kept element, tag name, text, …: only the text between is folded.
    .map((part, index) =>
      index % 3 === 0 ? part.replace(LINE_BREAK_RUN, '\n') : index % 3 === 1 ? part : '',
    )
    .join('');
