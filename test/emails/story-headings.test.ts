import { describe, expect, it } from 'vitest';
import { headingsInOrder } from '../../emails/story-headings.ts';
import { anIssue } from '../builders/issue.ts';
import { render } from './renderer-fixture.ts';

describe("the story's headings under the issue's title", () => {
  it.each([
    ['<h3>A</h3><p>x</p><h4>B</h4>', '<h2>A</h2><p>x</p><h3>B</h3>'],
    ['<h2>A</h2><h4>B</h4><h2>C</h2>', '<h2>A</h2><h3>B</h3><h2>C</h2>'],
    ['<h4>A</h4><h4>B</h4><h3>C</h3>', '<h2>A</h2><h3>B</h3><h3>C</h3>'],
    ['<h2>A</h2><h3>B</h3><h4>C</h4>', '<h2>A</h2><h3>B</h3><h4>C</h4>'],
    ['<p>no heading, &lt;h4&gt; as text</p>', '<p>no heading, &lt;h4&gt; as text</p>'],
  ])('never skip a level: %s', (story, expected) => {
    expect(headingsInOrder(story)).toBe(expected);
  });

  it('are renumbered in the mail and on the page', async () => {
    const { html, webHtml } = await render(anIssue({ storyHtml: '<h4>Le Gard</h4><p>Une semaine.</p>' }));
    for (const page of [html, webHtml]) {
      expect(page).toMatch(/<h2[^>]*>Le Gard<\/h2>/);
      expect(page).not.toContain('<h4');
    }
  });
});
