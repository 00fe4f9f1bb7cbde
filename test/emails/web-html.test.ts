import { describe, expect, it } from 'vitest';
import { compileMjml } from '../../emails/compile-mjml.ts';
import { issueView } from '../../emails/issue-view.ts';
import { withMainLandmark } from '../../emails/main-landmark.ts';
import { fillTemplate, loadIssueTemplates } from '../../emails/templates.ts';
import { forBrowsers } from '../../emails/web-html.ts';
import { anIssue } from '../builders/issue.ts';
import { identity, links, render } from './renderer-fixture.ts';

/** What a browser draws from a page: its text and elements, every run of white space one space. */
const drawn = (html: string) =>
  html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\s+/g, ' ')
    .trim();

describe('the web page as browsers read it', () => {
  it("drops what only Outlook reads and keeps what the other readers' markers reveal", () => {
    const html =
      '<div><!--[if mso | IE]><table role="presentation"><tr><td><![endif]--><p>Bonjour</p>' +
      '<!--[if mso | IE]></td></tr></table><![endif]--><!--[if !mso]><!--><meta name="x" content="y"><!--<![endif]--></div>';
    expect(forBrowsers(html)).toBe('<div><p>Bonjour</p><meta name="x" content="y"></div>');
  });

  it('folds indentation into one line break, but not inside pre or textarea', () => {
    const html =
      '<div>\n    <p>Un\n      deux</p>  \n\n  <pre>a\n    b</pre>\n  <textarea>c\n  d</textarea>\n</div>';
    expect(forBrowsers(html)).toBe(
      '<div>\n<p>Un\ndeux</p>\n<pre>a\n    b</pre>\n<textarea>c\n  d</textarea>\n</div>',
    );
  });

  it("serves issue #34's page a fifth lighter, drawn the same", async () => {
    const issue = anIssue();
    const { webHtml } = await render(issue);
    const asMjmlWrote = withMainLandmark(
      await compileMjml(
        fillTemplate(loadIssueTemplates(), issueView(issue, links, identity, { target: 'web' })),
        'strict',
      ),
    );
    expect(webHtml).toBe(forBrowsers(asMjmlWrote));
    expect(webHtml).not.toContain('[if mso');
    expect(webHtml).not.toMatch(/\n[ \t]/);
    expect(webHtml.length).toBeLessThan(asMjmlWrote.length * 0.85);
    expect(drawn(webHtml)).toBe(drawn(asMjmlWrote));
  });
});
