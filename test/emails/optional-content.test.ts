import { describe, expect, it } from 'vitest';
import { anIssue } from '../builders/issue.ts';
import { render } from './renderer-fixture.ts';

describe('an issue without the optional parts', () => {
  it('renders without subtitle, cover or track details, and previews the playlist in the inbox and the story on the page', async () => {
    const bare = { position: 1, artist: 'Jain', title: 'Come', url: 'https://www.deezer.com/track/3159313' };
    const { subtitle: _subtitle, cover: _cover, ...content } = anIssue();
    const issue = {
      ...content,
      storyHtml: '<p>Une semaine dans le Gard, &amp; du soleil.</p>',
      tracks: [bare],
    };
    const { html, webHtml, text } = await render(issue);

    expect(html).not.toContain('lavande.jpg');
    // No lede: the inbox preview names the playlist, the page's description is the story's opening.
    expect(html).toMatch(/<div style="display:none;[^"]*">La playlist · 1 titre — Jain&#847;/);
    expect(webHtml).toContain(
      '<meta name="description" content="Une semaine dans le Gard, &amp; du soleil.">',
    );
    expect(html).toContain('<strong>Jain</strong> – Come');
    expect(html).toContain('1 titre</div>');
    expect(html).not.toContain('<img');
    expect(text).toContain('\n\nChambre en Provence\n\nUne semaine dans le Gard, & du soleil.\n\n');
  });
});
