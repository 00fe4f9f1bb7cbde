/** The parts of an email the banner goes into. */
type Bodies = { html: string; text: string };

const escapeHtml = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

const heading = (count: number): string =>
  `${count} warning${count === 1 ? '' : 's'} for this issue. Only in this preview and the test mail: readers never see this.`;

/** Marks the banner so a test (or a person reading the source) can tell it from the newsletter itself. */
export const WARNING_BANNER_MARK = 'data-dimanche-warnings';

const htmlBanner = (lines: readonly string[]): string =>
  `<div ${WARNING_BANNER_MARK}="${lines.length}" role="note" style="margin:0;padding:16px 20px;background:#fff3cd;border:3px solid #b45309;color:#3b2300;font:15px/1.45 Arial,Helvetica,sans-serif;text-align:left">` +
  `<p style="margin:0 0 8px;font-weight:bold">⚠ ${escapeHtml(heading(lines.length))}</p>` +
  `<ul style="margin:0;padding-left:20px">${lines.map((line) => `<li style="margin:4px 0">${escapeHtml(line)}</li>`).join('')}</ul>` +
  `</div>`;

const textBanner = (lines: readonly string[]): string => {
  const rule = '='.repeat(60);
  return `${rule}\n${heading(lines.length)}\n\n${lines.map((line) => `- ${line}`).join('\n')}\n${rule}\n\n`;
};

/**
 * The author's copy of an email with the warnings on top: in the HTML right after `<body>` (so it is the
 * first thing seen, whatever the template's layout), in the text before the mail. No warnings, no change.
 */
export const withWarningBanner = <T extends Bodies>(email: T, lines: readonly string[]): T => {
  if (lines.length === 0) return email;
  const banner = htmlBanner(lines);
  const body = /<body\b[^>]*>/i.exec(email.html);
  const html = body
    ? email.html.slice(0, body.index + body[0].length) +
      banner +
      email.html.slice(body.index + body[0].length)
    : banner + email.html;
  return { ...email, html, text: textBanner(lines) + email.text };
};
