import mjml2html from 'mjml';
import { beforeAll, describe, expect, it } from 'vitest';
import { issueView, type Page } from '../../emails/issue-view.ts';
import { fillTemplate, loadIssueTemplates } from '../../emails/templates.ts';
import { personalise } from '../../shared/domain/rendered-email.ts';
import { anIssue, examplePostBody } from '../builders/issue.ts';
import { identity, links, positionsInOrder, type ReadableRender, render } from './renderer-fixture.ts';

const issue = anIssue();
const storyParagraphs = String(examplePostBody().story)
  .split('</p>')
  .map((paragraph) => paragraph.replace('<p>', ''))
  .filter((paragraph) => paragraph !== '');

let rendered: ReadableRender;
beforeAll(async () => {
  rendered = await render(issue);
});

describe('the MJML renderer, on issue #34', () => {
  it.each<Page>([
    { target: 'email', language: 'fr', mark: (slot) => `https://slot.example/${slot}` },
    { target: 'email', language: 'en', mark: (slot) => `https://slot.example/${slot}` },
    { target: 'web' },
  ])('fills the $target template ($language) into MJML that passes validation', async (page) => {
    const mjml = fillTemplate(loadIssueTemplates(), issueView(issue, links, identity, page));
    const { errors } = await mjml2html(mjml, { validationLevel: 'soft' });
    expect(errors.map((error) => error.formattedMessage)).toEqual([]);
  });

  it('titles the email with the series, its number and the issue title', () => {
    expect(rendered.subject).toBe('Online Sunday Morning Sound #34 — Chambre en Provence');
  });

  it('leaves no MJML or Mustache tags in either page', () => {
    for (const html of [rendered.email.html.body, rendered.webHtml]) {
      expect(html).not.toMatch(/<\/?mj-/);
      expect(html).not.toMatch(/\{\{|\}\}/);
      expect(html.startsWith('<!doctype html>')).toBe(true);
    }
  });

  it('keeps every paragraph of the story byte for byte, French punctuation and emoji included', () => {
    expect(storyParagraphs).toHaveLength(13);
    for (const paragraph of storyParagraphs) {
      expect(rendered.html).toContain(paragraph);
      expect(rendered.webHtml).toContain(paragraph);
    }
    // The author types no-break spaces inside « »; they must stay characters, not become &nbsp;.
    expect(rendered.html).toContain('«\u00a0Le TGV n° 2345 en direction de Paris');
    expect(rendered.html).toContain('quai\u00a0»');
    expect(rendered.html).toContain('d’Avignon');
    expect(rendered.html).toContain('Une autre aventure commence\u00a0😉');
  });

  it('writes no character as an entity beyond the HTML syntax ones and the preheader filler', () => {
    const entities = new Set(rendered.html.match(/&[#a-z0-9]+;/gi));
    expect([...entities].sort()).toEqual(['&#847;', '&nbsp;', '&zwnj;']);
  });

  it('shows the header, title, subtitle and cover', () => {
    expect(rendered.html).toMatch(/Online Sunday Morning Sound&nbsp;<span[^>]*>#34<\/span>/);
    expect(rendered.html).toContain('dimanche 29 novembre 2026');
    expect(rendered.html).toContain('>Chambre en Provence</h1>');
    expect(rendered.html).toContain(`>${issue.subtitle}</div>`);
    expect(rendered.html).toContain(
      'alt="Champ de lavande dans le Gard, sous le soleil" src="https://images.example.org/oss-34/lavande.jpg"',
    );
  });

  it('declares the language and hides the subtitle as the inbox preview', () => {
    expect(rendered.html).toContain('<html lang="fr"');
    expect(rendered.html).toMatch(new RegExp(`<div style="display:none;[^"]*">${issue.subtitle}&#847;`));
  });

  it('lists every track in playlist order, each with its position, names, details and link', () => {
    const cards = issue.tracks.flatMap((track) => [
      `>${track.position}</td>`,
      `<strong>${track.artist}</strong> – ${track.title}`,
      `${track.album} · `,
      `<a href="${track.url}" target="_blank"`,
      'Écouter',
    ]);
    expect(positionsInOrder(rendered.html, cards)).not.toContain(-1);
    expect(rendered.html).toContain('Le temps de l’amour · 2:28');
    expect(rendered.html).toContain('Moon Safari · 7:09');
    expect(rendered.html).toContain('15 titres · 56 min');
    expect(rendered.html).not.toMatch(/<iframe/i);
  });

  it("records the reader's links as slots in the footer links and the text, once each", () => {
    expect(rendered.html).toContain('<a href="{{unsubscribeUrl}}"');
    expect(rendered.html).toContain('<a href="{{preferencesUrl}}"');
    expect(rendered.html).toContain(`<a href="${links.archiveUrl}" target="_blank"`);
    expect(rendered.html).toContain('12 rue des Lilas, 75011 Paris');
    for (const body of [rendered.email.html, rendered.email.text])
      expect(body.slots.map(({ name }) => name).sort()).toEqual(['preferencesUrl', 'unsubscribeUrl']);
  });

  it('can be personalised by filling its slots alone', () => {
    const unsubscribeUrl = 'https://osms.example.org/u?t=abc&s=1';
    const email = personalise(rendered.email, {
      unsubscribeUrl,
      preferencesUrl: 'https://osms.example.org/p?t=abc',
    });
    expect(email.html).toContain('<a href="https://osms.example.org/u?t=abc&amp;s=1"');
    expect(email.html).toContain('<a href="https://osms.example.org/p?t=abc"');
    expect(email.text).toContain(unsubscribeUrl);
  });
});

describe('the web version of issue #34', () => {
  it('has the same content but no per-recipient footer', () => {
    expect(rendered.webHtml).not.toContain('Se désabonner');
    expect(rendered.webHtml).not.toContain('display:none');
    expect(
      positionsInOrder(
        rendered.webHtml,
        issue.tracks.map((track) => track.title),
      ),
    ).not.toContain(-1);
  });

  it('invites the reader to subscribe', () => {
    expect(rendered.webHtml).toMatch(
      /<a href="https:\/\/onlinesundaymorningsound\.example\.org\/inscription"[^>]*>\s*Recevoir la playlist chaque dimanche\s*<\/a>/,
    );
  });

  it('has a title, a description and its canonical address', () => {
    expect(rendered.webHtml).toContain(
      '<title>Online Sunday Morning Sound #34 — Chambre en Provence</title>',
    );
    expect(rendered.webHtml).toContain(`<meta name="description" content="${issue.subtitle}">`);
    expect(rendered.webHtml).toContain(`<link rel="canonical" href="${links.archiveUrl}">`);
    expect(rendered.webHtml).toContain('<html lang="fr"');
  });
});
