import { html, raw } from 'hono/html';
import type { Issue, Language } from '../../shared/domain/issue.ts';
import type { PublicUrls } from '../../shared/domain/public-urls.ts';
import { formatSunday } from '../../shared/domain/calendar.ts';
import { ledeOf } from '../../shared/domain/lede.ts';
import { ARCHIVE_STRINGS } from '../../shared/i18n/public/archive-strings.ts';

// The issue page's look (colours, Georgia titles, sans-serif details, the cards of its track list), written for
// a page instead of an email. Body text #3a2e28 on #fffaf3 is 12:1; the small grey #6f5d50 is 5.5:1 on the cards'
// #f8efe3, the accent #9a4326 5.8:1 there and 5:1 on the number well #eadfce. Dark: the issue's dark palette.
const STYLE = `
:root{color-scheme:light dark}
*{box-sizing:border-box}
body{margin:0;background:#f4ece1;color:#3a2e28;font:17px/1.65 Georgia,'Times New Roman',Times,serif}
.page{max-width:600px;margin:0 auto;padding:24px 0 0}
.rule{height:4px;background:#d98a4e}
main{background:#fffaf3;padding:28px 20px 24px}
header{text-align:center;padding:0 12px 20px}
.series{margin:0;font:12px/1.5 'Helvetica Neue',Helvetica,Arial,sans-serif;letter-spacing:2px;color:#6f5d50;text-transform:uppercase}
h1{margin:16px 0 8px;font-weight:normal;font-size:38px;line-height:1.2}
.intro{margin:0;font-style:italic;color:#6f5d50}
.feeds{margin:8px 0 0;font:13px 'Helvetica Neue',Helvetica,Arial,sans-serif;color:#6f5d50}
.feeds a,.pager a,footer .small a{color:#8f3d1f}
.issues{list-style:none;margin:0;padding:0}
.issues li{margin:0 0 10px}
.issue{display:flex;gap:14px;align-items:center;padding:12px;background:#f8efe3;border-radius:10px;color:inherit;text-decoration:none}
.issue:hover .title,.issue:focus-visible .title{text-decoration:underline}
.thumb{flex:0 0 88px;width:88px;height:88px;border-radius:6px;background:#eadfce;object-fit:cover;display:flex;align-items:center;justify-content:center;font-size:26px;color:#9a4326;overflow:hidden}
.text{min-width:0;overflow-wrap:anywhere}
.meta{display:block;font:13px/1.4 'Helvetica Neue',Helvetica,Arial,sans-serif;color:#6f5d50}
.number{color:#9a4326;font-weight:bold}
.title{display:block;font-size:22px;line-height:1.25;margin:2px 0}
.subtitle{display:block;font-size:15px;line-height:1.45;font-style:italic;color:#6f5d50}
.empty{text-align:center;font-style:italic;color:#6f5d50}
.pager{display:flex;justify-content:space-between;gap:12px;margin:18px 4px 0;font:600 14px 'Helvetica Neue',Helvetica,Arial,sans-serif}
footer{text-align:center;padding:32px 20px 48px;font-family:'Helvetica Neue',Helvetica,Arial,sans-serif}
.button{display:inline-block;padding:14px 28px;border-radius:24px;background:#9a4326;color:#fffaf3;font-weight:bold;font-size:15px;text-decoration:none}
.small{margin:16px 0 0;font-size:12px;color:#6f5d50}
:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
@media (prefers-color-scheme:dark){
body{background:#1a1512;color:#f3e9dd}
main{background:#221b17}
.issue{background:#2d241f}
.thumb{background:#3a2f28;color:#f0a37f}
.series,.intro,.feeds,.meta,.subtitle,.empty,.small{color:#c9b6a4}
.number,.feeds a,.pager a,footer .small a{color:#f0a37f}
.button{background:#f0a37f;color:#1a1512}
:focus-visible{outline-color:#8ab4ff}
}
@media (max-width:479px){main{padding:24px 12px 20px}h1{font-size:30px}.thumb{flex-basis:64px;width:64px;height:64px}.title{font-size:19px}}
`;

export type ArchiveListView = {
  issues: readonly Issue[];
  /** The cursor of the next page, if any; whether this is the first page. */
  next?: string;
  first: boolean;
  language: Language;
  seriesName: string;
  links: PublicUrls;
};

const item = (issue: Issue, view: ArchiveListView) => {
  const s = ARCHIVE_STRINGS[view.language];
  const lede = ledeOf(issue);
  return html`<li lang="${issue.language}">
    <a class="issue" href="${view.links.issue(issue.slug)}">
      ${
        issue.cover
          ? html`<img class="thumb" src="${issue.cover.url}" alt="" width="88" height="88" loading="lazy" />`
          : html`<span class="thumb" aria-hidden="true">#${issue.series}</span>`
      }
      <span class="text">
        <span class="meta"
          ><span class="number">#${issue.series}</span> ·
          <time datetime="${issue.sunday}">${formatSunday(issue.sunday, s.locale)}</time> ·
          ${s.tracks(issue.tracks.length)}</span
        >
        <span class="title">${issue.title}</span>
        ${lede ? html`<span class="subtitle">${lede}</span>` : ''}
      </span>
    </a>
  </li>`;
};

/** The archive's list, in the issue page's style: server-rendered, no script, readable from 320 px. */
export const archiveListPage = (view: ArchiveListView) => {
  const s = ARCHIVE_STRINGS[view.language];
  const title = `${view.seriesName} — ${s.heading}`;
  const canonical = view.first ? view.links.archive : undefined;
  return html`<!doctype html>
    <html lang="${view.language}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <title>${title}</title>
        <meta name="description" content="${s.description}" />
        ${canonical ? html`<link rel="canonical" href="${canonical}" />` : ''}
        <meta property="og:type" content="website" />
        <meta property="og:site_name" content="${view.seriesName}" />
        <meta property="og:title" content="${title}" />
        <meta property="og:description" content="${s.description}" />
        <meta property="og:url" content="${view.links.archive}" />
        <meta property="og:locale" content="${s.locale.replace('-', '_')}" />
        <meta name="twitter:card" content="summary" />
        <link
          rel="alternate"
          type="application/rss+xml"
          title="${view.seriesName} (RSS)"
          href="${view.links.rss}"
        />
        <link
          rel="alternate"
          type="application/atom+xml"
          title="${view.seriesName} (Atom)"
          href="${view.links.atom}"
        />
        <style>
          ${raw(STYLE)}
        </style>
      </head>
      <body>
        <div class="page">
          <div class="rule"></div>
          <main>
            <header>
              <p class="series">${view.seriesName}</p>
              <h1>${s.heading}</h1>
              <p class="intro">${s.description}</p>
              <p class="feeds">
                ${s.feeds} <a href="${view.links.rss}">RSS</a> · <a href="${view.links.atom}">Atom</a>
              </p>
            </header>
            ${
              view.issues.length > 0
                ? html`<ol class="issues">
                    ${view.issues.map((issue) => item(issue, view))}
                  </ol>`
                : html`<p class="empty">${s.empty}</p>`
            }
            ${
              view.next || !view.first
                ? html`<nav class="pager" aria-label="${s.pages}">
                    ${view.first ? html`<span></span>` : html`<a href="${view.links.archive}">← ${s.newest}</a>`}
                    ${view.next ? html`<a rel="next" href="${view.links.archivePage(view.next)}">${s.older} →</a>` : ''}
                  </nav>`
                : ''
            }
          </main>
          <footer>
            <a class="button" href="${view.links.subscribe}">${s.subscribe}</a>
            <p class="small">${view.seriesName}</p>
          </footer>
        </div>
      </body>
    </html>`;
};
