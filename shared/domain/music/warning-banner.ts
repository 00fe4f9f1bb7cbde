/**
 * The banner on the author's preview and test mail, in her words: a heading with the total, notes (the mail's
 * size), then one line a kind of warning with its count, the warnings of that kind under it.
 */
export type BannerText = {
  /** Every warning once: the count the studio and her mails show for the same issue. */
  total: number;
  heading: string;
  notes: string[];
  groups: { title: string; items: string[] }[];
};

/** The parts of an email the banner goes into. */
type Bodies = { html: string; text: string };

const escapeHtml = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** Marks the banner, with the warnings' total, so a test (or a person reading the source) can tell it apart. */
export const WARNING_BANNER_MARK = 'data-dimanche-warnings';

const htmlBanner = (banner: BannerText): string =>
  `<div ${WARNING_BANNER_MARK}="${banner.total}" role="note" style="margin:0;padding:16px 20px;background:#fff3cd;border:3px solid #b45309;color:#3b2300;font:15px/1.45 Arial,Helvetica,sans-serif;text-align:left">` +
  `<p style="margin:0 0 8px;font-weight:bold">⚠ ${escapeHtml(banner.heading)}</p>` +
  banner.notes.map((note) => `<p style="margin:0 0 8px">${escapeHtml(note)}</p>`).join('') +
  (banner.groups.length === 0
    ? ''
    : `<ul style="margin:0;padding-left:20px">${banner.groups
        .map(
          (group) =>
            `<li style="margin:6px 0"><strong>${escapeHtml(group.title)}</strong>` +
            `<ul style="margin:2px 0;padding-left:18px">${group.items.map((item) => `<li style="margin:2px 0">${escapeHtml(item)}</li>`).join('')}</ul></li>`,
        )
        .join('')}</ul>`) +
  `</div>`;

const textBanner = (banner: BannerText): string => {
  const rule = '='.repeat(60);
  const groups = banner.groups.map((group) =>
    [group.title, ...group.items.map((item) => `  - ${item}`)].join('\n'),
  );
  return `${rule}\n${[banner.heading, ...banner.notes, ...groups].join('\n\n')}\n${rule}\n\n`;
};

/**
 * The author's copy of an email with the banner on top: in the HTML right after `<body>` (so it is the first
 * thing seen, whatever the template's layout), in the text before the mail. No banner, no change.
 */
export const withWarningBanner = <T extends Bodies>(email: T, banner: BannerText | undefined): T => {
  if (!banner) return email;
  const html = htmlBanner(banner);
  const body = /<body\b[^>]*>/i.exec(email.html);
  const withBanner = body
    ? email.html.slice(0, body.index + body[0].length) + html + email.html.slice(body.index + body[0].length)
    : html + email.html;
  return { ...email, html: withBanner, text: textBanner(banner) + email.text };
};
