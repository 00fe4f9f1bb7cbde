import { describe, expect, it } from 'vitest';
import { anIssue } from '../builders/issue.ts';
import { readable, render } from './renderer-fixture.ts';

describe('escaping in the rendered issue', () => {
  it('escapes markup in the title wherever the title is printed', async () => {
    const title = '<script>alert(1)</script> & "quotes"';
    const { html, webHtml, subject, text } = await render(anIssue({ title }));
    const escaped = '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;';
    for (const page of [html, webHtml]) {
      expect(page).not.toContain('<script>');
      expect(page).toContain(`>${escaped}</h1>`);
      expect(page).toContain(`<title>Online Sunday Morning Sound #34 — ${escaped}</title>`);
    }
    expect(subject).toBe(`Online Sunday Morning Sound #34 — ${title}`);
    expect(text).toContain(`\n${title}\n`);
  });

  it('escapes an ampersand in a track URL once, inside the attribute', async () => {
    const url = 'https://www.deezer.com/track/3135556?utm_source=dimanche&utm_medium=email';
    const tracks = anIssue().tracks.map((track) => (track.position === 1 ? { ...track, url } : track));
    const { html, text } = await render(anIssue({ tracks }));
    const attribute = 'href="https://www.deezer.com/track/3135556?utm_source=dimanche&amp;utm_medium=email"';
    expect(html.split(attribute)).toHaveLength(3); // the cover's link and "Écouter"
    expect(html).not.toContain('utm_source=dimanche&utm_medium');
    expect(html).not.toContain('&amp;amp;');
    expect(text).toContain(`\n   ${url}\n`);
  });

  it("leaves apostrophes, slashes and equals signs as they are (Mustache's default would not)", async () => {
    const title = "Rock 'n' roll = 1/2 d’amour";
    const { html } = await render(anIssue({ title }));
    expect(html).toContain(`>${title}</h1>`);
    expect(html).not.toMatch(/&#x?(27|39|2F|47|3D|61);/i);
  });

  it('prints a multi-line postal address one line under the other, escaped', async () => {
    const { createMjmlRenderer } = await import('../../emails/mjml-renderer.ts');
    const renderer = createMjmlRenderer({
      seriesName: 'OSMS',
      postalAddress: 'Dimanche & Cie\n12 rue <des> Lilas',
      subscribeUrl: 'https://example.org/s',
    });
    const { html } = readable(await renderer.renderIssue(anIssue(), { archiveUrl: 'https://example.org/a' }));
    expect(html).toContain('Dimanche &amp; Cie<br>12 rue &lt;des&gt; Lilas');
  });
});
